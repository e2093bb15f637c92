using MmuDsl.Html.Tests.Cli;

namespace MmuDsl.Html.Tests.Browser;

/// <summary>The page <c>mmudsl diff --format html</c> writes.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DiffReportTests(BrowserFixture browser)
{
    [Fact]
    public async Task DiffReport_OpensAtTheFirstDifference_AndItsSummaryLeadsToTheOthers()
    {
        string path = Path.Combine(Repo.Artifacts, "diff-glorified-nop.html");
        var run = Mmudsl.Run("diff", "--format", "html", Repo.Scenario("seed-review/05-glorified-nop.mmu"), "-o", path);
        Assert.Equal(0, run.ExitCode);
        await using var tab = await ReportTab.OpenAsync(browser.Browser, path);
        Assert.Equal(await tab.FinalFrameOfLineAsync(30), await tab.FrameAsync());
        Assert.Contains("differs", await tab.ClassesAsync(ReportTab.Node("recursive", "B")));
        Assert.StartsWith("first metadata difference after line 30", await tab.TextAsync("#summary div.metadata"), StringComparison.Ordinal);

        await tab.Page.ClickAsync("#summary div.work");
        Assert.Equal(await tab.FinalFrameOfLineAsync(56), await tab.FrameAsync());
        Assert.Contains("stat.walks=4 stat.visits=9", await tab.TextAsync("#pane-legacy .foot"), StringComparison.Ordinal);
        Assert.Contains("stat.walks=5 stat.visits=17", await tab.TextAsync("#pane-recursive .foot"), StringComparison.Ordinal);
        await tab.ScreenshotAsync("diff-glorified-nop");
        Assert.Empty(tab.Errors);
    }
}
