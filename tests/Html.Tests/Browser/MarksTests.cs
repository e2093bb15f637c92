namespace MmuDsl.Html.Tests.Browser;

/// <summary>Failed expectations, golden diffs and errors are marked at their statements.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MarksTests(BrowserFixture browser)
{
    [Fact]
    public async Task FailedExpectationAndGoldenDiff_AreMarkedAtTheirLines_AndAtTheirStep()
    {
        var (path, _) = Reports.WriteText(
            "root R level 3\npage Q level 2\npage L level 1\nlink R[0] -> Q\nlink Q[0] -> L\nunsync L\nsync R interrupt-after 1\nexpect Q.bitmap == {}\nshow Q\n----\nQ L2 unsync_children=0 bitmap={}\n  [0] L L1 sync\n----\n",
            "marks-failures");
        await using var tab = await ReportTab.OpenAsync(browser.Browser, path);
        Assert.Equal("failed: see the marks in the script", await tab.TextAsync("#status"));

        // Line 8: the expectation holds under legacy (bottom-up clearing), not under recursive.
        Assert.Contains("failed", await tab.ClassesAsync("#script .line[data-line=\"8\"]"));
        Assert.Equal("expectation failed [recursive]: Q.bitmap == {}", await tab.TextAsync("#script details.failure[data-line=\"8\"] summary"));
        Assert.Contains("Q.bitmap = {0}", await tab.TextAsync("#script details.failure[data-line=\"8\"] pre"), StringComparison.Ordinal);

        // Line 9: the golden block fits legacy's output only; its diff is there.
        Assert.Contains("failed", await tab.ClassesAsync("#script .line[data-line=\"9\"]"));
        Assert.Equal("golden block differs [recursive]", await tab.TextAsync("#script details.failure[data-line=\"9\"] summary"));
        Assert.Contains("+Q L2 unsync_children=1 bitmap={0}", await tab.TextAsync("#script details.failure[data-line=\"9\"] pre"), StringComparison.Ordinal);

        await tab.Page.ClickAsync("#script .line[data-line=\"8\"]");
        Assert.Equal(await tab.FinalFrameOfLineAsync(8), await tab.FrameAsync());
        Assert.Contains("expectation failed", await tab.TextAsync("#stepinfo"), StringComparison.Ordinal);
        Assert.Contains("Q.bitmap == {}", await tab.TextAsync("#pane-recursive .stage .fail"), StringComparison.Ordinal);
        Assert.Equal(0, await tab.CountAsync("#pane-legacy .stage .fail"));
        await tab.ScreenshotAsync("marks-failures");
        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task RunStoppedByAnError_ShowsTheErrorAndMarksItsStatement()
    {
        var (path, _) = Reports.WriteText("root R level 3\npage L level 1\nlink R[0] -> L\n", "marks-error");
        await using var tab = await ReportTab.OpenAsync(browser.Browser, path);
        Assert.Equal("the run stopped on an error", await tab.TextAsync("#status"));
        Assert.Contains("level", await tab.TextAsync("#errors"), StringComparison.Ordinal);
        Assert.Equal(1, await tab.CountAsync("#script .line[data-line=\"3\"] .mark.err"));
        Assert.StartsWith("error: cannot link 'L' (level 1) below 'R' (level 3)", await tab.TextAsync("#script details.error[data-line=\"3\"] summary"), StringComparison.Ordinal);
        Assert.Equal("Runtime", await tab.EvalAsync<string>("() => document.querySelector('#script details.error[data-line=\"3\"]').dataset.kind"));
        await tab.GoToAsync(await tab.FinalFrameOfLineAsync(3));
        Assert.Contains("the run stopped here with an error", await tab.TextAsync("#stepinfo"), StringComparison.Ordinal);
        foreach (var algorithm in new[] { "legacy", "recursive" })
        {
            Assert.StartsWith("error: cannot link", await tab.TextAsync($"#pane-{algorithm} .stage .fail.error"), StringComparison.Ordinal);
        }

        // The error in the header leads to its statement.
        await tab.GoToAsync(0);
        await tab.Page.ClickAsync("#errors pre");
        Assert.Equal(await tab.FinalFrameOfLineAsync(3), await tab.FrameAsync());
        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task ErrorUnderOneAlgorithm_AndAGoldenBlockError_AreMarkedAtTheirLines_FromTheirSpans()
    {
        // Line 7: a section header naming no algorithm (an error of the golden block: the run goes on);
        // line 10: a statement only recursive runs, which stops recursive's run.
        var (path, _) = Reports.WriteText(
            "root R level 3\npage Q level 2\npage L level 1\nlink R[0] -> Q\nshow Q\n----\n@nosuch\nQ L2 unsync_children=0 bitmap={}\n----\n@recursive link Q[0] -> R\nshow Q\n",
            "marks-errors-as-values");
        await using var tab = await ReportTab.OpenAsync(browser.Browser, path);
        Assert.Equal("the run stopped on an error", await tab.TextAsync("#status"));
        Assert.Equal(2, await tab.CountAsync("#errors pre"));

        Assert.Equal(1, await tab.CountAsync("#script .line[data-line=\"7\"] .mark.err"));
        Assert.StartsWith("error: unknown algorithm 'nosuch' in a section header", await tab.TextAsync("#script details.error[data-line=\"7\"] summary"), StringComparison.Ordinal);
        Assert.Equal(1, await tab.CountAsync("#script .line[data-line=\"10\"] .mark.err"));
        Assert.StartsWith("error [recursive]: cannot link 'R' (level 3) below 'Q' (level 2)", await tab.TextAsync("#script details.error[data-line=\"10\"] summary"), StringComparison.Ordinal);
        Assert.Equal(2, await tab.CountAsync("#script .mark.err"));

        // At the statement, recursive's pane shows the error; legacy's, which never ran it, none.
        await tab.GoToAsync(await tab.FinalFrameOfLineAsync(10));
        Assert.StartsWith("error [recursive]: cannot link", await tab.TextAsync("#pane-recursive .stage .fail.error"), StringComparison.Ordinal);
        Assert.Equal(0, await tab.CountAsync("#pane-legacy .stage .fail"));
        await tab.ScreenshotAsync("marks-errors-as-values");
        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task ScenarioWithNoStatement_SaysThatNothingRan()
    {
        var (path, page) = Reports.WriteText("# only a comment\n", "marks-empty");
        Assert.Equal(0, page.Frames);
        await using var tab = await ReportTab.OpenAsync(browser.Browser, path);
        Assert.Equal("nothing ran", await tab.TextAsync("#panes .empty"));
        await tab.PressAsync("ArrowRight");
        Assert.Empty(tab.Errors);
    }
}
