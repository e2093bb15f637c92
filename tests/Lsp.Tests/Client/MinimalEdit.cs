using MmuDsl.Lsp.Documents;
using MmuDsl.Lsp.Protocol;

namespace MmuDsl.Lsp.Tests.Client;

/// <summary>The one ranged edit an editor would send to turn one text into another (the span between their common prefix and suffix).</summary>
internal static class MinimalEdit
{
    public static TextDocumentContentChangeEvent Between(string before, string after)
    {
        int prefix = 0;
        int max = Math.Min(before.Length, after.Length);
        while (prefix < max && before[prefix] == after[prefix])
        {
            prefix++;
        }

        // Never split a CRLF or a surrogate pair: editors send whole characters.
        while (prefix > 0 && (char.IsHighSurrogate(before[prefix - 1]) || before[prefix - 1] == '\r'))
        {
            prefix--;
        }

        int suffix = 0;
        while (suffix < max - prefix && before[before.Length - 1 - suffix] == after[after.Length - 1 - suffix])
        {
            suffix++;
        }

        while (suffix > 0 && (char.IsLowSurrogate(before[before.Length - suffix]) || before[before.Length - suffix] == '\n'))
        {
            suffix--;
        }

        var lines = new LineIndex(before);
        return new TextDocumentContentChangeEvent(
            lines.RangeOf(prefix, before.Length - suffix),
            after[prefix..(after.Length - suffix)]);
    }
}
