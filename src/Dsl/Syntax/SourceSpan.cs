namespace MmuDsl.Dsl.Syntax;

/// <summary>
/// A range of a source file: its path, where the range starts (1-based line and column, counted
/// in UTF-16 code units, a tab counting one) and the 0-based offsets of its first character and
/// of the character after its last one, in the file's text as a .NET string.
/// </summary>
public readonly record struct SourceSpan(string Path, int Line, int Column, int Start, int End)
{
    /// <summary>The number of characters the span covers.</summary>
    public int Length => End - Start;

    /// <summary>
    /// The span's first source line (without its line break), then on a second line a caret under
    /// the span's column. The caret line copies the tabs of the source line before the column,
    /// so the caret stands under the column however wide a terminal shows tabs.
    /// </summary>
    public string Excerpt(string sourceText)
    {
        ArgumentNullException.ThrowIfNull(sourceText);
        int start = Math.Clamp(Start, 0, sourceText.Length);
        int lineStart = start == 0 ? 0 : sourceText.LastIndexOf('\n', start - 1) + 1;
        int lineEnd = sourceText.IndexOf('\n', lineStart);
        if (lineEnd < 0)
        {
            lineEnd = sourceText.Length;
        }

        string line = sourceText[lineStart..lineEnd].TrimEnd('\r');
        var (shown, caret) = Printable.Excerpt(line, start - lineStart + 1);
        return shown + "\n" + caret;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Path}:{Line}:{Column}";
}
