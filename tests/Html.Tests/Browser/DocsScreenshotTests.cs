namespace MmuDsl.Html.Tests.Browser;

/// <summary>
/// The screenshot in docs/html-report.png, taken by this test: always written to
/// artifacts/html-tests/, and copied to docs/ when MMUDSL_UPDATE_DOCS_SCREENSHOT=1
/// (never in CI: a test run does not change the source tree unless asked to).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DocsScreenshotTests(BrowserFixture browser)
{
    [Fact]
    public async Task SeedScenario_TheInterruptedSync_AsTheDocsShowIt()
    {
        // Run by the path a user types from the repository's root, which the page shows.
        var run = Dsl.Runtime.RunOptions.Default with { ReadFile = p => File.ReadAllText(Path.IsPathRooted(p) ? p : Path.Combine(Repo.Root, p)) };
        var (path, _, _) = Reports.Write("scenarios/seed-review/05-glorified-nop.mmu", "docs-glorified-nop", run: run);
        await using var tab = await ReportTab.OpenAsync(browser.Browser, path, 1500, 860);

        // The stage where legacy clears B[0] bottom-up; recursive's loop already ended, B[0] stale.
        int first = await tab.FirstFrameOfLineAsync(30);
        await tab.GoToAsync(first + 3);
        Assert.Contains("mmu_pages_clear_parents B[0]", await tab.TextAsync("#pane-legacy .stage"), StringComparison.Ordinal);
        Assert.Contains("stale", await tab.ClassesAsync(ReportTab.Bit("recursive", "B", 0)));
        string shot = await tab.ScreenshotAsync("docs-html-report");
        Assert.True(new FileInfo(shot).Length > 10_000);
        if (Environment.GetEnvironmentVariable("MMUDSL_UPDATE_DOCS_SCREENSHOT") == "1")
        {
            string docs = Path.Combine(Repo.Root, "docs", "html-report.png");
            Directory.CreateDirectory(Path.GetDirectoryName(docs)!);
            File.Copy(shot, docs, overwrite: true);
            browser.Print($"docs screenshot updated: {docs}");
        }

        Assert.Empty(tab.Errors);
    }
}
