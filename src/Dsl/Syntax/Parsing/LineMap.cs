namespace MmuDsl.Dsl.Syntax.Parsing;

/// <summary>Turns offsets of one file's text into <see cref="SourceSpan"/>s (lines end at <c>\n</c>).</summary>
internal sealed class LineMap
{
    private readonly string path;
    private readonly List<int> lineStarts = [0];

    public LineMap(string path, string text)
    {
        this.path = path;
        for (int i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1))
        {
            lineStarts.Add(i + 1);
        }
    }

    public SourceSpan Span(int start, int end)
    {
        int line = lineStarts.BinarySearch(start);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return new SourceSpan(path, line + 1, start - lineStarts[line] + 1, start, Math.Max(start, end));
    }
}
