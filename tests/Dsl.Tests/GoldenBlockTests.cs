using MmuDsl.Dsl.Syntax;

namespace MmuDsl.Dsl.Tests;

/// <summary>Golden blocks keep their raw text and its exact place in the file, for --rewrite.</summary>
public sealed class GoldenBlockTests
{
    [Fact]
    public void Golden_AfterShow_HoldsRawText()
    {
        const string text = "show R1\n----\nR1 L4 root unsync_children=1 bitmap={0}\n  [0] P3 L3 # not a comment \"\n----\nstats\n";
        var file = Parsing.Valid(text);
        var golden = Assert.IsType<GoldenBlock>(file.Statements[0].Golden);
        Assert.Equal("R1 L4 root unsync_children=1 bitmap={0}\n  [0] P3 L3 # not a comment \"\n", golden.Text);
        Assert.Equal(golden.Text, text[golden.Content.Start..golden.Content.End]);
        Assert.Equal((2, 1), (golden.Opening.Line, golden.Opening.Column));
        Assert.Equal((3, 1), (golden.Content.Line, golden.Content.Column));
        Assert.Equal(text.IndexOf("stats", StringComparison.Ordinal), golden.Span.End);
        Assert.Null(file.Statements[1].Golden);
    }

    [Fact]
    public void Golden_WithCrLf_KeepsCrLfExactly()
    {
        const string text = "show\r\n----\r\nR1 L4 root\r\n  [0] leaf\r\n\r\n----\r\nstats\r\n";
        var golden = Assert.IsType<GoldenBlock>(Parsing.Valid(text).Statements[0].Golden);
        Assert.Equal("R1 L4 root\r\n  [0] leaf\r\n\r\n", golden.Text);
        Assert.Equal(golden.Text, text[golden.Content.Start..golden.Content.End]);
    }

    [Fact]
    public void Golden_Empty_HasEmptyContentAtClosingLine()
    {
        const string text = "stats\n----\n----\n";
        var golden = Assert.IsType<GoldenBlock>(Parsing.Valid(text).Statements[0].Golden);
        Assert.Equal("", golden.Text);
        Assert.Equal(11, golden.Content.Start);
        Assert.Equal(11, golden.Content.End);
        Assert.Equal(3, golden.Content.Line);
    }

    [Fact]
    public void Golden_ClosingAtEndOfFile_WithoutLineBreak()
    {
        const string text = "echo \"x\"\n----\nx\n----";
        var golden = Assert.IsType<GoldenBlock>(Parsing.Valid(text).Statements[0].Golden);
        Assert.Equal("x\n", golden.Text);
        Assert.Equal(text.Length, golden.Span.End);
    }

    [Fact]
    public void Golden_LinesLikeDelimiter_AreContent()
    {
        const string text = "trace sync R\n----\n-----\n ----\n----x\n---\n----\n";
        var golden = Assert.IsType<GoldenBlock>(Parsing.Valid(text).Statements[0].Golden);
        Assert.Equal("-----\n ----\n----x\n---\n", golden.Text);
    }

    [Fact]
    public void Golden_SectionsPerAlgorithm_AreRawText()
    {
        const string text = "show\n----\n@legacy\nA\n@recursive\nB\n----\n";
        Assert.Equal("@legacy\nA\n@recursive\nB\n", Parsing.Valid(text).Statements[0].Golden!.Text);
    }

    [Fact]
    public void Golden_InsideLoop_BelongsToItsStatement()
    {
        var loop = Parsing.Single<ForStatement>("for i in 0..2 {\n  echo \"$i\"\n----\n0\n1\n----\n}\n");
        Assert.Equal("0\n1\n", Assert.Single(loop.Body.Statements).Golden!.Text);
    }

    [Fact]
    public void Golden_AfterQualifiedOrTracedStatement_IsKept()
    {
        var file = Parsing.Valid("@recursive trace zap P\n----\nzapped P\n----\n");
        Assert.Equal("zapped P\n", file.Statements[0].Golden!.Text);
    }

    [Fact]
    public void Golden_AfterNonOutputStatement_IsAnError()
    {
        Assert.Equal(["2:1: a golden block can only follow an output statement (show, stats, echo or trace)"],
            Parsing.Messages("root R level 4\n----\nx\n----\n"));
    }

    [Fact]
    public void Golden_NotRightAfterItsStatement_IsAnError()
    {
        Assert.Equal(["3:1: a golden block must come right after an output statement (show, stats, echo or trace)"],
            Parsing.Messages("show\n\n----\nx\n----\n"));
    }

    [Fact]
    public void Golden_Unterminated_IsReportedAndRunsToEndOfFile()
    {
        const string text = "show\n----\nR1 L4 root\nshow\n";
        ParseResult result = ScenarioParser.Parse("t.mmu", text);
        Assert.Equal("t.mmu:2:1: error: golden block is not closed: end it with a line of exactly '----'\n----\n^",
            Assert.Single(result.Diagnostics).Render(text));
        Assert.Equal("R1 L4 root\nshow\n", Assert.Single(result.File.Statements).Golden!.Text);
    }

    [Fact]
    public void Golden_DelimiterWithTrailingSpace_IsNotADelimiter()
    {
        Assert.Equal(["2:1: expected a statement, found '-'"], Parsing.Messages("show\n---- \n"));
    }
}
