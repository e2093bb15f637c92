using MmuDsl.Lsp.Protocol;

namespace MmuDsl.Lsp.Documents;

/// <summary>
/// Converts between offsets of a text (UTF-16 code units, as .NET strings and the parser's spans
/// count them) and LSP positions (0-based line, UTF-16 character). Lines end at <c>\n</c>,
/// <c>\r\n</c> or a lone <c>\r</c>, as the specification says; a position past the end of its
/// line, or a line past the end of the text, is clamped.
/// </summary>
internal sealed class LineIndex
{
    private readonly int[] _lineStarts;
    private readonly int _length;

    public LineIndex(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var starts = new List<int> { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\n' || (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                starts.Add(i + 1);
            }
        }

        _lineStarts = [.. starts];
        _length = text.Length;
        Text = text;
    }

    /// <summary>The text indexed.</summary>
    public string Text { get; }

    /// <summary>How many lines (a text ending in a line break has an empty last line).</summary>
    public int LineCount => _lineStarts.Length;

    /// <summary>The offset of <paramref name="position"/>, clamped into the text and to its line's end.</summary>
    public int OffsetOf(Position position)
    {
        ArgumentNullException.ThrowIfNull(position);
        if (position.Line < 0)
        {
            return 0;
        }

        if (position.Line >= _lineStarts.Length)
        {
            return _length;
        }

        int start = _lineStarts[position.Line];
        int end = LineEnd(position.Line);
        return start + Math.Clamp(position.Character, 0, end - start);
    }

    /// <summary>The position of <paramref name="offset"/> (clamped into the text).</summary>
    public Position PositionOf(int offset)
    {
        offset = Math.Clamp(offset, 0, _length);
        int line = Array.BinarySearch(_lineStarts, offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        // An offset between the \r and the \n of a CRLF belongs to the line's end.
        int end = LineEnd(line);
        return new Position(line, Math.Min(offset, end) - _lineStarts[line]);
    }

    /// <summary>The range of offsets [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public Protocol.Range RangeOf(int start, int end) => new(PositionOf(start), PositionOf(Math.Max(start, end)));

    /// <summary>The offset where line <paramref name="line"/> starts.</summary>
    public int LineStart(int line) => _lineStarts[Math.Clamp(line, 0, _lineStarts.Length - 1)];

    /// <summary>The offset where line <paramref name="line"/>'s text ends (before its line break).</summary>
    public int LineEnd(int line)
    {
        line = Math.Clamp(line, 0, _lineStarts.Length - 1);
        if (line + 1 >= _lineStarts.Length)
        {
            return _length;
        }

        // Not the last line: it ends in \n, \r\n or \r; leave the break out.
        int end = _lineStarts[line + 1] - 1;
        if (Text[end] == '\n' && end > _lineStarts[line] && Text[end - 1] == '\r')
        {
            end--;
        }

        return end;
    }

    /// <summary>The 0-based line of <paramref name="offset"/>.</summary>
    public int LineOf(int offset) => PositionOf(offset).Line;
}
