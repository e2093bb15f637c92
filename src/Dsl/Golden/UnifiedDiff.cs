using DiffPlex.Renderer;

namespace MmuDsl.Dsl.Golden;

/// <summary>Unified diffs of expected against actual output (DiffPlex's renderer).</summary>
public static class UnifiedDiff
{
    /// <summary>
    /// A unified diff, <c>--- expected</c> / <c>+++ actual</c>, with three lines of context. A
    /// difference in the final newline alone is shown as such, since the renderer ignores it.
    /// </summary>
    public static string Render(string expected, string actual, string expectedLabel = "expected", string actualLabel = "actual")
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        // Every line of block text ends with a newline; diff the lines, not the empty "line" after the last one.
        string diff = UnidiffRenderer.Instance.Generate(TrimFinalNewline(expected), TrimFinalNewline(actual), expectedLabel, actualLabel, false, false);
        if (string.IsNullOrWhiteSpace(diff.Replace($"--- {expectedLabel}", string.Empty, StringComparison.Ordinal).Replace($"+++ {actualLabel}", string.Empty, StringComparison.Ordinal)))
        {
            return $"--- {expectedLabel}\n+++ {actualLabel}\n(the texts differ only in whitespace at the end of a line or of the text)\n";
        }

        diff = diff.Replace("\r\n", "\n", StringComparison.Ordinal);
        return diff.EndsWith('\n') ? diff : diff + "\n";
    }

    private static string TrimFinalNewline(string s) => s.EndsWith('\n') ? s[..^1] : s;
}
