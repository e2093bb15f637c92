using System.Globalization;

namespace MmuDsl.Html.Tests.Browser;

/// <summary>The report of the shipped suite's largest scenario renders its first step quickly: measured and printed, not asserted.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PerformanceTests(BrowserFixture browser)
{
    [Fact]
    public async Task LargestShippedScenario_FirstStepRenderTime_IsPrinted()
    {
        // The largest: the one whose report is the biggest (the most pages and frames to show).
        var largest = Scenarios.Shipped()
            .Select(s => (string)s[0])
            .Select(s => (Scenario: s, Report: Reports.Write(Repo.Scenario(s), "perf-" + Path.GetFileNameWithoutExtension(s))))
            .MaxBy(x => x.Report.Page.Html.Length);
        var times = new List<double>();
        for (int i = 0; i < 5; i++)
        {
            await using var tab = await ReportTab.OpenAsync(browser.Browser, largest.Report.Path);
            times.Add(await tab.EvalAsync<double>("() => window.mmuReport.firstRenderMs"));
            Assert.Empty(tab.Errors);
        }

        times.Sort();
        browser.Print(string.Format(
            CultureInfo.InvariantCulture,
            "html report, largest shipped scenario ({0}: {1} pages, {2} frames, {3:N0} KB): first step rendered {4:N0} ms after the page began loading (median of 5 loads; {5:N0} to {6:N0} ms)",
            largest.Scenario,
            largest.Report.Page.Pages,
            largest.Report.Page.Frames,
            largest.Report.Page.Html.Length / 1024.0,
            times[2],
            times[0],
            times[^1]));
        Assert.All(times, t => Assert.True(t > 0));
    }
}
