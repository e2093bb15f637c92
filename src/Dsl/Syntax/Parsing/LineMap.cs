namespace MmuDsl.Dsl.Syntax.Parsing;

/// <summary>Turns offsets of one file's text into <see cref="SourceSpan"/>s (lines end at <c>\n</c>).</summary>
internal sealed class LineMap
{
    private readonly string path;
    private readonly List<int> lineStarts = [0];

    // The line of the last span made: spans come mostly in file order, so the next one is almost
    // always on that line or the next (no binary search over a file of millions of lines).
    private int lastLine;

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
        int line = lastLine;
        if (start < lineStarts[line] || (line + 1 < lineStarts.Count && start >= lineStarts[line + 1]))
        {
            line = line + 2 < lineStarts.Count && start >= lineStarts[line + 1] && start < lineStarts[line + 2] ? line + 1 : Search(start);
        }

        lastLine = line;
        return new SourceSpan(path, line + 1, start - lineStarts[line] + 1, start, Math.Max(start, end));
    }

    private int Search(int start)
    {
        int line = lineStarts.BinarySearch(start);
        return line < 0 ? Math.Max(0, ~line - 1) : line;
    }
}
