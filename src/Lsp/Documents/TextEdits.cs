using System.Text;
using MmuDsl.Lsp.Protocol;

namespace MmuDsl.Lsp.Documents;

/// <summary>Applies <c>didChange</c> content changes, in order, to a document's text.</summary>
internal static class TextEdits
{
    /// <summary>
    /// The text after <paramref name="changes"/>: a change with a range replaces that range (its
    /// positions clamped into the text as it stands after the changes before it), one without
    /// replaces everything.
    /// </summary>
    public static string Apply(string text, IReadOnlyList<TextDocumentContentChangeEvent> changes)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var change in changes)
        {
            if (change?.Text == null)
            {
                continue;
            }

            if (change.Range == null)
            {
                text = change.Text;
                continue;
            }

            var lines = new LineIndex(text);
            int start = lines.OffsetOf(change.Range.Start ?? new Position(0, 0));
            int end = lines.OffsetOf(change.Range.End ?? change.Range.Start ?? new Position(0, 0));
            if (end < start)
            {
                (start, end) = (end, start);
            }

            text = new StringBuilder(text.Length - (end - start) + change.Text.Length)
                .Append(text, 0, start)
                .Append(change.Text)
                .Append(text, end, text.Length - end)
                .ToString();
        }

        return text;
    }
}
