using MmuDsl.Mmu.Invariants;
using static MmuDsl.Mmu.Tests.TestTables;

namespace MmuDsl.Mmu.Tests;

/// <summary>
/// <c>kvm_mmu_prepare_zap_page</c> and <c>mmu_zap_unsync_children</c>: unsync children are zapped
/// first; then the page loses its children (not zapped) and its parents (whose bits stay set).
/// </summary>
public sealed class ZapTests
{
    [Theory]
    [MemberData(nameof(BothAlgorithms), MemberType = typeof(TestTables))]
    public void Zap_IntermediateWithUnsyncLeaf_ZapsLeafFirst_ParentBitStale(string algorithm)
    {
        // R (L3) [0]-> P2 [0]-> L (unsync), P2 [1]-> C (clean), P2 [2] large.
        var mmu = New(algorithm);
        var r = mmu.CreateRoot("R", 3);
        var p2 = mmu.CreatePage("P2", 2);
        var l = mmu.CreatePage("L", 1);
        var c = mmu.CreatePage("C", 1);
        mmu.Link(r, 0, p2);
        mmu.Link(p2, 0, l);
        mmu.Link(p2, 1, c);
        mmu.MapLarge(p2, 2);
        mmu.Unsync(l);
        Assert.Equal([0], Bits(r));
        Assert.Equal([0], Bits(p2));
        var trace = EventTrace.Attach(mmu);

        mmu.Zap(p2);

        // mmu_zap_unsync_children(P2): walk [P2 L@0], zap L (drop P2[0]); legacy clears P2[0]
        // bottom-up, recursive in the next walk (spte not present). Then P2's remaining sptes
        // are cleared (C is unlinked, not zapped), then its parent spte R[0]: R's bit stays.
        Assert.Equal(
            algorithm == "legacy"
                ?
                [
                    "zap-unsync-children P2", "walk P2 = 1 [P2 L@0]", "drop P2[0] -> L", "zapped L",
                    "clear P2[0] by ClearParents", "walk P2 = 0 []", "end P2 Done after 1",
                    "drop P2[1] -> C", "drop P2[2]", "drop R[0] -> P2", "zapped P2",
                ]
                :
                [
                    "zap-unsync-children P2", "walk P2 = 1 [P2 L@0]", "drop P2[0] -> L", "zapped L",
                    "walk P2 = 0 [P2]", "clear P2[0] by Walk", "end P2 Done after 1",
                    "drop P2[1] -> C", "drop P2[2]", "drop R[0] -> P2", "zapped P2",
                ],
            trace.Lines());
        Assert.True(p2.Zapped);
        Assert.True(l.Zapped);
        Assert.False(l.Unsync);
        Assert.Equal(0, l.Syncs);
        Assert.False(c.Zapped);
        Assert.Equal(0, c.ParentCount);
        Assert.Equal(0, p2.PresentCount);
        Assert.Equal(0, p2.ParentCount);
        Assert.Empty(Bits(p2));
        Assert.Equal(SpteKind.None, r.SpteAt(0).Kind);
        Assert.Equal([0], Bits(r));
        Assert.Equal(1, r.UnsyncChildren);
        Assert.Equal(2, mmu.Stats.Zaps);
        Assert.Equal(0, mmu.Stats.Syncs);
        Assert.Equal(0, mmu.Stats.Unsync);
        Assert.Empty(InvariantChecker.Check(mmu));

        trace.Events.Clear();
        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(r));
        Assert.Equal(["clear R[0] by Walk"], trace.ClearLines());
        Assert.Empty(Bits(r));
    }

    [Theory]
    [MemberData(nameof(BothAlgorithms), MemberType = typeof(TestTables))]
    public void Zap_Root_StaysKnownButInvalid_ChildrenDetachedNotZapped(string algorithm)
    {
        var (mmu, r, p3, p2, l) = Chain(algorithm);
        mmu.Unsync(l);

        mmu.Zap(r);

        Assert.True(r.Zapped);
        Assert.True(r.IsRoot);
        Assert.Same(r, mmu.FindPage("R"));
        Assert.Contains(r, mmu.Pages);
        Assert.True(l.Zapped); // the unsync leaf below was zapped first
        Assert.False(p3.Zapped);
        Assert.False(p2.Zapped);
        Assert.Equal(0, p3.ParentCount);
        Assert.Equal(SpteKind.Link, p3.SpteAt(1).Kind);
        Assert.Equal(SpteKind.None, p2.SpteAt(2).Kind);
        Assert.Equal(0, r.PresentCount);
        Assert.Empty(Bits(r));
        Assert.Empty(Bits(p3));
        Assert.Empty(Bits(p2));
        Assert.Equal(2, mmu.Stats.Zaps);
        Assert.Equal(0, mmu.Stats.Unsync);
        Assert.Empty(InvariantChecker.Check(mmu));
    }

    [Theory]
    [MemberData(nameof(BothAlgorithms), MemberType = typeof(TestTables))]
    public void ZapUnsyncChildren_SharedLeaf_ZappedEverywhere_OtherRootBitStale_PageItselfLive(string algorithm)
    {
        var mmu = New(algorithm);
        var r1 = mmu.CreateRoot("R1", 2);
        var r2 = mmu.CreateRoot("R2", 2);
        var l = mmu.CreatePage("L", 1);
        var k = mmu.CreatePage("K", 1);
        mmu.Link(r1, 0, l);
        mmu.Link(r1, 1, k);
        mmu.Link(r2, 2, l);
        mmu.Unsync(l);

        Assert.Equal(SyncOutcome.Done, mmu.ZapUnsyncChildren(r1));

        Assert.False(r1.Zapped);
        Assert.True(l.Zapped);
        Assert.False(k.Zapped);
        Assert.Equal(SpteKind.None, r1.SpteAt(0).Kind);
        Assert.Equal(SpteKind.Link, r1.SpteAt(1).Kind);
        Assert.Equal(SpteKind.None, r2.SpteAt(2).Kind);
        Assert.Empty(Bits(r1));
        Assert.Equal([2], Bits(r2));
        Assert.Equal(1, mmu.Stats.Zaps);
        Assert.Equal(0, mmu.Stats.Syncs);
        Assert.Equal(0, mmu.Stats.Unsync);
        Assert.Empty(InvariantChecker.Check(mmu));
    }

    [Theory]
    [MemberData(nameof(BothAlgorithms), MemberType = typeof(TestTables))]
    public void Zap_UnsyncLeafDirectly_NoWalk_ParentsBitsStale(string algorithm)
    {
        var (mmu, r, p3, p2, l) = Chain(algorithm);
        mmu.MapLeaf(l, 7);
        mmu.Unsync(l);
        var trace = EventTrace.Attach(mmu);

        mmu.Zap(l);

        Assert.Equal(["drop L[7]", "drop P2[2] -> L", "zapped L"], trace.Lines());
        Assert.True(l.Zapped);
        Assert.False(l.Unsync);
        Assert.Equal(0, mmu.Stats.Unsync);
        Assert.Equal(0, mmu.Stats.Walks);
        Assert.Equal(1, mmu.Stats.Zaps);
        Assert.Equal([2], Bits(p2));
        Assert.Equal([1], Bits(p3));
        Assert.Equal([0], Bits(r));
        Assert.Empty(InvariantChecker.Check(mmu));
    }

    [Theory]
    [MemberData(nameof(BothAlgorithms), MemberType = typeof(TestTables))]
    public void ZapUnsyncChildren_LevelOnePage_DoesNothing(string algorithm)
    {
        var (mmu, _, _, _, l) = Chain(algorithm);
        mmu.Unsync(l);
        var before = MmuSnapshot.Capture(mmu);
        var trace = EventTrace.Attach(mmu);

        Assert.Equal(SyncOutcome.Done, mmu.ZapUnsyncChildren(l));

        Assert.Empty(trace.Events);
        StateAssert.Same(before, MmuSnapshot.Capture(mmu));
    }

    [Theory]
    [InlineData("legacy", 2, 17)]
    [InlineData("recursive", 2, 34)]
    public void ZapUnsyncChildren_SeventeenLeaves_TwoBatches(string algorithm, int batches, int visits)
    {
        // Like the sync: [R L0..L14] (-ENOSPC), [R L15 L16] (2), then a walk returning 0.
        // Visits: legacy 15 + 2 + 0; recursive 15 + 17 (15 not-present bits cleared, then 2
        // leaves) + 2 (two more not-present bits).
        var (mmu, r, leaves) = Fan(algorithm, 17);
        var trace = EventTrace.Attach(mmu);

        Assert.Equal(SyncOutcome.Done, mmu.ZapUnsyncChildren(r));

        Assert.Equal($"end R Done after {batches}", Assert.Single(trace.Lines<Events.SyncFinished>()));
        Assert.Equal([ShadowMmu.Enospc, 2, 0], trace.Walks.Select(w => w.Result));
        Assert.Equal(visits, mmu.Stats.Visits);
        Assert.All(leaves, l => Assert.True(l.Zapped));
        Assert.Equal(17, mmu.Stats.Zaps);
        Assert.Equal(0, r.PresentCount);
        Assert.Empty(Bits(r));
        Assert.Empty(InvariantChecker.Check(mmu));
    }
}
