using Xunit.Abstractions;

namespace MmuDsl.Html.Tests.Browser;

/// <summary>Stepping through shipped scenarios in a real browser, with the buttons and the keys.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SteppingTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task SteppingForward_DrawsTheUnsyncPageFilled_ThenItsStaleBitRed()
    {
        var (path, _, _) = Reports.Write(Repo.Scenario("basics/05-unlink-leaves-stale-bit.mmu"), "stepping-unlink");
        await using var tab = await ReportTab.OpenAsync(browser.Browser, path);
        Assert.Equal(0, await tab.FrameAsync());

        // Forward with the button to the statement `unsync L` (line 10).
        int unsync = await tab.FinalFrameOfLineAsync(10);
        while (await tab.FrameAsync() < unsync)
        {
            await tab.Page.ClickAsync("#next");
        }

        foreach (var algorithm in new[] { "legacy", "recursive" })
        {
            Assert.Contains("unsync", await tab.ClassesAsync(ReportTab.Node(algorithm, "L")));
            Assert.Equal("rgb(255, 204, 128)", await tab.StyleAsync(ReportTab.Node(algorithm, "L") + " rect", "fill"));
            Assert.Contains("live", await tab.ClassesAsync(ReportTab.Bit(algorithm, "Q", 5)));
            Assert.Contains("changed", await tab.ClassesAsync(ReportTab.Node(algorithm, "Q")));
        }

        output.WriteLine(await tab.ScreenshotAsync("stepping-unsync-filled"));

        // One more step with the right arrow key: `unlink Q[5]` leaves bit 5 set over nothing.
        await tab.PressAsync("ArrowRight");
        Assert.Equal(await tab.FinalFrameOfLineAsync(11), await tab.FrameAsync());
        foreach (var algorithm in new[] { "legacy", "recursive" })
        {
            // Bit 5 leads nowhere, so neither do the bits on the path down to Q.
            Assert.Contains("stale", await tab.ClassesAsync(ReportTab.Bit(algorithm, "Q", 5)));
            Assert.Contains("stale", await tab.ClassesAsync(ReportTab.Bit(algorithm, "P", 2)));
            Assert.Contains("stale", await tab.ClassesAsync(ReportTab.Bit(algorithm, "R", 0)));
            Assert.Equal("rgb(211, 47, 47)", await tab.StyleAsync(ReportTab.Bit(algorithm, "Q", 5), "fill"));
            Assert.Equal(0, await tab.CountAsync($"#pane-{algorithm} path.edge[data-from=\"Q\"]"));
        }

        Assert.Contains("unlink Q[5]", await tab.TextAsync("#stepinfo"), StringComparison.Ordinal);
        Assert.Contains("current", await tab.ClassesAsync("#script .line[data-line=\"11\"]"));
        output.WriteLine(await tab.ScreenshotAsync("stepping-stale-bit-red"));
        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task TracedSync_StepsThroughItsWalks_ShowingVisitsBatchAndWhoClears()
    {
        var (path, _, _) = Reports.Write(Repo.Scenario("seed-review/04-parent-updated-by-the-loop.mmu"), "stepping-traced-sync");
        await using var tab = await ReportTab.OpenAsync(browser.Browser, path);
        int first = await tab.FirstFrameOfLineAsync(16);
        await tab.GoToAsync(first - 1);

        // Stage 1: mmu_sync_children starts.
        await tab.PressAsync("ArrowRight");
        Assert.Contains("stage 1 of 5: mmu_sync_children R", await tab.TextAsync("#pane-legacy .stage"), StringComparison.Ordinal);
        Assert.Contains("stage 1 of 4: mmu_sync_children R", await tab.TextAsync("#pane-recursive .stage"), StringComparison.Ordinal);

        // Stage 2: the first walk: the entries it visits and the batch it fills.
        await tab.PressAsync("ArrowRight");
        foreach (var algorithm in new[] { "legacy", "recursive" })
        {
            Assert.Contains("mmu_unsync_walk R = 1 pvec=[R A@0 B@0 L@0] visited R[0] A[0] B[0]", await tab.TextAsync($"#pane-{algorithm} .stage"), StringComparison.Ordinal);
            foreach (var (page, bit) in new[] { ("R", 0), ("A", 0), ("B", 0) })
            {
                Assert.Contains("visited", await tab.ClassesAsync(ReportTab.Bit(algorithm, page, bit)));
            }

            Assert.Equal("pvec 3", await tab.TextAsync(ReportTab.Node(algorithm, "L") + " g.pvec text"));
            Assert.Equal("pvec 0", await tab.TextAsync(ReportTab.Node(algorithm, "R") + " g.pvec text"));
        }

        output.WriteLine(await tab.ScreenshotAsync("stepping-traced-sync-walk"));

        // Stage 3: kvm_sync_page L: L is no longer unsync.
        await tab.PressAsync("ArrowRight");
        Assert.Contains("kvm_sync_page L", await tab.TextAsync("#pane-legacy .stage"), StringComparison.Ordinal);
        Assert.DoesNotContain("unsync", await tab.ClassesAsync(ReportTab.Node("legacy", "L")));

        // Stage 4: legacy clears the path bottom-up; recursive's next walk clears it on its way.
        await tab.PressAsync("ArrowRight");
        Assert.Contains("mmu_pages_clear_parents B[0] A[0] R[0]", await tab.TextAsync("#pane-legacy .stage"), StringComparison.Ordinal);
        Assert.Contains("mmu_unsync_walk R = 0 pvec=[R A@0 B@0] visited R[0] A[0] B[0]", await tab.TextAsync("#pane-recursive .stage"), StringComparison.Ordinal);
        foreach (var page in new[] { "R", "A", "B" })
        {
            Assert.Equal(["bit", "cleared", "by-parents"], await tab.ClassesAsync(ReportTab.Bit("legacy", page, 0)));
            Assert.Equal(["bit", "cleared", "by-walk"], await tab.ClassesAsync(ReportTab.Bit("recursive", page, 0)));
        }

        output.WriteLine(await tab.ScreenshotAsync("stepping-traced-sync-who-clears"));

        // Stage 5 (legacy's last walk, which finds nothing), then the state after the statement.
        await tab.PressAsync("ArrowRight");
        Assert.Contains("mmu_unsync_walk R = 0", await tab.TextAsync("#pane-legacy .stage"), StringComparison.Ordinal);
        Assert.Contains("its loop ended after 4 stages", await tab.TextAsync("#pane-recursive .stage"), StringComparison.Ordinal);
        await tab.PressAsync("ArrowRight");
        Assert.Equal(await tab.FinalFrameOfLineAsync(16), await tab.FrameAsync());
        Assert.Contains("mmu_sync_children R = 0 after 1 batch", await tab.TextAsync("#pane-legacy .stage"), StringComparison.Ordinal);

        // Back over the whole sync with Shift+Left, and over it again with Shift+Right.
        await tab.Page.Keyboard.DownAsync("Shift");
        await tab.PressAsync("ArrowLeft");
        await tab.Page.Keyboard.UpAsync("Shift");
        Assert.Equal(first - 1, await tab.FrameAsync());
        Assert.Contains("unsync", await tab.ClassesAsync(ReportTab.Node("recursive", "L")));
        await tab.PressAsync("PageDown");
        Assert.Equal(await tab.FinalFrameOfLineAsync(16), await tab.FrameAsync());
        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task SeedScenario_AfterTheInterruptedSync_ShowsWhereTheAlgorithmsDiffer()
    {
        var (path, _, _) = Reports.Write(Repo.Scenario("seed-review/05-glorified-nop.mmu"), "stepping-glorified-nop");
        await using var tab = await ReportTab.OpenAsync(browser.Browser, path);
        int sync = await tab.FinalFrameOfLineAsync(30);

        // Step through the interrupted sync's stages up to the state after it.
        await tab.GoToAsync(await tab.FirstFrameOfLineAsync(30) - 1);
        var stages = new List<string>();
        while (await tab.FrameAsync() < sync)
        {
            await tab.PressAsync("ArrowRight");
            stages.Add(await tab.TextAsync("#pane-legacy .stage") + " | " + await tab.TextAsync("#pane-recursive .stage"));
        }

        foreach (var s in stages)
        {
            output.WriteLine(s);
        }

        Assert.Contains(stages, s => s.Contains("mmu_pages_clear_parents B[0]", StringComparison.Ordinal));
        foreach (var algorithm in new[] { "legacy", "recursive" })
        {
            Assert.Contains("differs", await tab.ClassesAsync(ReportTab.Node(algorithm, "B")));
        }

        Assert.Equal(0, await tab.CountAsync(ReportTab.Bit("legacy", "B", 0) + ":not(.cleared)"));
        Assert.Contains("live", await tab.ClassesAsync(ReportTab.Bit("legacy", "B", 1)));
        var stale = await tab.ClassesAsync(ReportTab.Bit("recursive", "B", 0));
        Assert.Contains("stale", stale);
        Assert.Contains("diffbit", stale);
        Assert.Contains("B: unsync_children=1 bitmap={1} (legacy) · unsync_children=2 bitmap={0,1} (recursive)", await tab.TextAsync("#diffs"), StringComparison.Ordinal);
        Assert.Equal(1, await tab.CountAsync("#diffs div"));
        Assert.Contains("metadata", await tab.ClassesAsync("#script .line[data-line=\"30\"] .mark"));
        output.WriteLine(await tab.ScreenshotAsync("stepping-glorified-nop-difference"));

        // The final syncs bring the two together again.
        await tab.GoToAsync(await tab.FinalFrameOfLineAsync(57));
        Assert.Equal(0, await tab.CountAsync("g.node.differs"));
        Assert.Equal(string.Empty, await tab.TextAsync("#diffs"));
        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task TracedZap_GreysTheZappedPages_AndStepsThroughTheZapOfItsUnsyncChild()
    {
        var (path, _, _) = Reports.Write(Repo.Scenario("zapping/01-zap-intermediate.mmu"), "stepping-zap");
        await using var tab = await ReportTab.OpenAsync(browser.Browser, path);
        int first = await tab.FirstFrameOfLineAsync(14);
        await tab.GoToAsync(first + 2);
        Assert.Contains("kvm_mmu_prepare_zap_page L0", await tab.TextAsync("#pane-legacy .stage"), StringComparison.Ordinal);
        Assert.Contains("zapped", await tab.ClassesAsync(ReportTab.Node("legacy", "L0")));
        Assert.DoesNotContain("zapped", await tab.ClassesAsync(ReportTab.Node("legacy", "Q")));

        await tab.PressAsync("PageDown");
        Assert.Equal(await tab.FinalFrameOfLineAsync(14), await tab.FrameAsync());
        foreach (var algorithm in new[] { "legacy", "recursive" })
        {
            Assert.Contains("zapped", await tab.ClassesAsync(ReportTab.Node(algorithm, "Q")));
            Assert.Equal("0.45", await tab.StyleAsync(ReportTab.Node(algorithm, "Q"), "opacity"));
            Assert.DoesNotContain("zapped", await tab.ClassesAsync(ReportTab.Node(algorithm, "L1")));
            Assert.Contains("stale", await tab.ClassesAsync(ReportTab.Bit(algorithm, "P", 1)));
        }

        await tab.ScreenshotAsync("stepping-zap");
        Assert.Empty(tab.Errors);
    }
}
