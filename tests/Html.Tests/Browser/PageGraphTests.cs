namespace MmuDsl.Html.Tests.Browser;

/// <summary>What the page graph draws: pages by level, a shared page once with an edge from each parent pte, the counts and bitmaps on the boxes.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PageGraphTests(BrowserFixture browser)
{
    [Fact]
    public async Task SharedPage_IsDrawnOnce_WithAnEdgeFromEachParentPte_AndItsBitmapOnItsBox()
    {
        // B is linked from A1[0] (line 19) and from A2[4] (line 21); the loop on lines 25 to 27 unsyncs L0 to L2 (0..3 is half-open).
        var (path, _, _) = Reports.Write(Repo.Scenario("seed-review/05-glorified-nop.mmu"), "graph-shared-page");
        await using var tab = await ReportTab.OpenAsync(browser.Browser, path);
        await tab.GoToAsync(await tab.FinalFrameOfLineAsync(26, 3));

        foreach (var algorithm in new[] { "legacy", "recursive" })
        {
            Assert.Equal(1, await tab.CountAsync(ReportTab.Node(algorithm, "B")));
            var parents = await tab.EvalAsync<string[]>(
                "a => Array.from(document.querySelectorAll('#pane-' + a + ' path.edge[data-to=\"B\"]')).map(e => e.dataset.from + '[' + e.dataset.idx + ']').sort()",
                algorithm);
            Assert.Equal(["A1[0]", "A2[4]"], parents);

            // The box: name and level, unsync_children and the set indexes of the bitmap, each a bit leading to an unsync page.
            string box = await tab.TextAsync(ReportTab.Node(algorithm, "B"));
            Assert.Contains("B L2", box, StringComparison.Ordinal);
            Assert.Contains("unsync_children=2", box, StringComparison.Ordinal);
            Assert.Contains("bitmap={0,1}", box, StringComparison.Ordinal);
            Assert.Contains("live", await tab.ClassesAsync(ReportTab.Bit(algorithm, "A2", 4)));
            Assert.Contains("R1 L4 root", await tab.TextAsync(ReportTab.Node(algorithm, "R1")), StringComparison.Ordinal);

            // Levels are rows, top down: every level-4 page above every level-3 page, and so on.
            var rows = await tab.EvalAsync<double[]>(
                @"a => ['R1', 'A1', 'B', 'L0'].map(p => document.querySelector('#pane-' + a + ' g.node[data-page=""' + p + '""]').getBoundingClientRect().top)",
                algorithm);
            Assert.True(rows[0] < rows[1] && rows[1] < rows[2] && rows[2] < rows[3], string.Join(" ", rows));
            Assert.Equal(
                await tab.EvalAsync<double>(@"a => document.querySelector('#pane-' + a + ' g.node[data-page=""A1""]').getBoundingClientRect().top", algorithm),
                await tab.EvalAsync<double>(@"a => document.querySelector('#pane-' + a + ' g.node[data-page=""A2""]').getBoundingClientRect().top", algorithm));
        }

        await tab.ScreenshotAsync("graph-shared-page");
        Assert.Empty(tab.Errors);
    }
}
