namespace MmuDsl.Html.Tests.Browser;

/// <summary>Every shipped scenario's report, under every algorithm at once, steps through every frame, both ways, without a script error.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EveryScenarioTests(BrowserFixture browser)
{
    [Theory]
    [MemberData(nameof(Scenarios.Shipped), MemberType = typeof(Scenarios))]
    public async Task Report_StepsThroughEveryFrame_BothWays(string scenario)
    {
        var (path, page, _) = Reports.Write(
            Repo.Scenario(scenario),
            "every-" + scenario.Replace('/', '-').Replace(".mmu", string.Empty, StringComparison.Ordinal),
            run: Dsl.Runtime.RunOptions.Default with { Algorithms = Scenarios.AllAlgorithms });
        await using var tab = await ReportTab.OpenAsync(browser.Browser, path);
        int nodes = await tab.EvalAsync<int>(
            @"() => { const r = window.mmuReport; let most = 0;
                for (let f = 0; f < r.frames; f++) { r.goTo(f); most = Math.max(most, document.querySelectorAll('g.node').length); }
                for (let f = r.frames - 1; f >= 0; f--) r.goTo(f);
                return most; }");
        Assert.Equal(0, await tab.FrameAsync());
        Assert.Equal(page.Algorithms.Count, await tab.CountAsync(".pane"));
        Assert.InRange(nodes, page.Pages == 0 ? 0 : 1, page.Pages * page.Algorithms.Count);
        Assert.Empty(tab.Errors);
    }
}
