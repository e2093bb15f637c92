using Xunit.Abstractions;

namespace MmuDsl.Html.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class SmokeTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task SeedReport_Opens_WithoutScriptErrors()
    {
        foreach (var line in browser.Log)
        {
            output.WriteLine(line);
        }

        var (path, _, _) = Reports.Write(Repo.Scenario("seed-review/05-glorified-nop.mmu"), "smoke-05");
        await using var tab = await ReportTab.OpenAsync(browser.Browser, path);
        await tab.GoToAsync(await tab.FinalFrameOfLineAsync(30));
        output.WriteLine(await tab.ScreenshotAsync("smoke-05"));
        Assert.Empty(tab.Errors);
    }
}
