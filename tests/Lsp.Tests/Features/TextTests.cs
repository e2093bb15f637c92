using MmuDsl.Lsp.Documents;
using MmuDsl.Lsp.Protocol;
using MmuDsl.Lsp.Tests.Client;

namespace MmuDsl.Lsp.Tests.Features;

/// <summary>Positions and incremental edits as the specification defines them.</summary>
public sealed class TextTests
{
    [Fact]
    public void LineIndex_CountsCrLfLfAndLoneCrAsLineEnds_AndClamps()
    {
        var lines = new LineIndex("ab\r\ncd\nef\rgh");
        Assert.Equal(4, lines.LineCount);
        Assert.Equal(new Position(1, 1), lines.PositionOf(5));
        Assert.Equal(new Position(3, 0), lines.PositionOf(10));
        Assert.Equal(new Position(0, 2), lines.PositionOf(3)); // between \r and \n: the line's end
        Assert.Equal(2, lines.OffsetOf(new Position(0, 99)));
        Assert.Equal(12, lines.OffsetOf(new Position(99, 0)));
        Assert.Equal(9, lines.LineEnd(2));
    }

    [Fact]
    public void TextEdits_ApplyRangesInOrder_AndAWholeTextWithoutRange()
    {
        string text = TextEdits.Apply("root R level 4\nshow\n", [Repo.Edit(0, 5, 0, 6, "Root1"), Repo.Edit(1, 4, 1, 4, " Root1")]);
        Assert.Equal("root Root1 level 4\nshow Root1\n", text);
        Assert.Equal("x", TextEdits.Apply(text, [new TextDocumentContentChangeEvent(null, "x")]));
        Assert.Equal("ab😀", TextEdits.Apply("a😀", [Repo.Edit(0, 1, 0, 1, "b")]));
    }

    [Fact]
    public void MinimalEdit_TurnsOneTextIntoTheOther()
    {
        foreach (var (before, after) in new[] { ("abc\r\ndef", "abc\ndef"), ("x😀y", "x😁y"), ("", "new"), ("same", "same"), ("a\nb\nc", "a\nc") })
        {
            Assert.Equal(after, TextEdits.Apply(before, [MinimalEdit.Between(before, after)]));
        }
    }
}
