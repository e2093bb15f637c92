using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace MmuDsl.Html.Tests.Browser;

/// <summary>
/// A scenario of 10,000 pages: the page draws per step only what the step touched, says so, and
/// stays quick. The time to write the report and to render its first step are printed, not asserted.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LargeScenarioTests(BrowserFixture browser)
{
    /// <summary>A root, 16 level-3 pages, 16 * 16 level-2 pages, 256 * 38 leaves with a leaf spte each: 10,001 pages.</summary>
    private static string TenThousandPages()
    {
        var sb = new StringBuilder();
        sb.Append("root R level 4\n");
        sb.Append("for a in 0..16 {\n  page A$a level 3\n  link R[$a] -> A$a\n");
        sb.Append("  for b in 0..16 {\n    let m = $a * 16 + $b\n    page B$m level 2\n    link A$a[$b] -> B$m\n");
        sb.Append("    for c in 0..38 {\n      page L${$m * 38 + $c} level 1\n      link B$m[$c] -> L${$m * 38 + $c}\n      map L${$m * 38 + $c}[0]\n    }\n  }\n}\n");
        sb.Append("for i in 0..40 {\n  unsync L${$i * 241}\n}\n");
        sb.Append("sync R interrupt-after 1\nsync R\nexpect stat.unsync == 0\nexpect invariants\n");
        return sb.ToString();
    }

    [Fact]
    public async Task TenThousandPages_DrawOnlyWhatEachStepTouched_AndSaySo()
    {
        var clock = Stopwatch.StartNew();
        var (path, page) = Reports.WriteText(TenThousandPages(), "large-10000-pages");
        clock.Stop();
        Assert.Equal(10_001, page.Pages);
        Assert.True(page.Large);
        browser.Print(string.Format(CultureInfo.InvariantCulture, "html report, 10,001 pages: {0:N0} steps, {1:N0} frames, {2:N1} MB, run + report written in {3:N2} s", page.Steps, page.Frames, page.Html.Length / 1e6, clock.Elapsed.TotalSeconds));

        await using var tab = await ReportTab.OpenAsync(browser.Browser, path);
        double firstRender = await tab.EvalAsync<double>("() => window.mmuReport.firstRenderMs");
        browser.Print(string.Format(CultureInfo.InvariantCulture, "html report, 10,001 pages: first step rendered {0:N0} ms after the page began loading", firstRender));
        Assert.Contains("This scenario has 10001 pages, more than the 400 drawn whole", await tab.TextAsync("#notice"), StringComparison.Ordinal);

        // The last stage of the first sync: its batch and the paths to R, never the whole table.
        int sync = await tab.FinalFrameOfLineAsync(19);
        await tab.GoToAsync(sync - 1);
        int drawn = await tab.CountAsync("#pane-legacy g.node");
        Assert.InRange(drawn, 2, HtmlReportOptions.Default.MaxDrawnPerFrame);
        Assert.Equal(1, await tab.CountAsync("#pane-legacy g.node[data-page=\"R\"]"));
        var timing = await tab.EvalAsync<double>(
            @"() => { const r = window.mmuReport, t = performance.now(); for (let f = 0; f < 200; f++) r.goTo(r.frames - 1 - f); return (performance.now() - t) / 200; }");
        browser.Print(string.Format(CultureInfo.InvariantCulture, "html report, 10,001 pages: {0:N1} ms per step back (200 steps)", timing));
        await tab.GoToAsync(await tab.FinalFrameOfLineAsync(20));
        Assert.Contains("pages drawn", await tab.TextAsync("#notice"), StringComparison.Ordinal);
        await tab.ScreenshotAsync("large-10000-pages");
        Assert.Empty(tab.Errors);
    }
}
