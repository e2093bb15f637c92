using MmuDsl.Mmu.Invariants;
using static MmuDsl.Mmu.Tests.TestTables;

namespace MmuDsl.Mmu.Tests;

/// <summary>
/// Pages with several parents (the structure is a DAG): marking reaches every parent, a sync
/// through one parent leaves the others' bits stale, and a page reached twice in one walk is
/// batched once.
/// </summary>
public sealed class SharingTests
{
    [Theory]
    [MemberData(nameof(BothAlgorithms), MemberType = typeof(TestTables))]
    public void Sync_PageSharedByTwoRoots_SyncedThroughOne_OtherKeepsStaleBit(string algorithm)
    {
        var mmu = New(algorithm);
        var r1 = mmu.CreateRoot("R1", 2);
        var r2 = mmu.CreateRoot("R2", 2);
        var l = mmu.CreatePage("L", 1);
        mmu.Link(r1, 0, l);
        mmu.Link(r2, 7, l);
        mmu.Unsync(l);
        Assert.Equal(2, l.ParentCount);
        Assert.Equal([0], Bits(r1));
        Assert.Equal([7], Bits(r2));

        var trace = EventTrace.Attach(mmu);
        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(r1));

        Assert.False(l.Unsync);
        Assert.Equal(1, l.Syncs);
        Assert.Empty(Bits(r1));
        Assert.Equal(0, r1.UnsyncChildren);
        Assert.Equal([7], Bits(r2)); // stale: L is clean
        Assert.Equal(1, r2.UnsyncChildren);
        Assert.DoesNotContain(trace.Clears, c => c.Page == r2);
        Assert.Empty(InvariantChecker.Check(mmu));

        // The stale bit costs R2's next sync one visit and nothing else.
        trace.Events.Clear();
        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(r2));
        Assert.Equal(["sync-children R2", "walk R2 = 0 [R2]", "clear R2[7] by Walk", "end R2 Done after 0"], trace.Lines());
        Assert.Equal(1, l.Syncs);
        Assert.Equal(1, mmu.Stats.Syncs);
        Assert.Empty(Bits(r2));
        Assert.Empty(InvariantChecker.Check(mmu));
    }

    [Theory]
    [MemberData(nameof(BothAlgorithms), MemberType = typeof(TestTables))]
    public void Unsync_PageWithTwoParents_MarksBothAndClimbsFromEach(string algorithm)
    {
        // R (L3) [0]-> Pa [0]-> L and R [1]-> Pb [4]-> L.
        var mmu = New(algorithm);
        var r = mmu.CreateRoot("R", 3);
        var pa = mmu.CreatePage("Pa", 2);
        var pb = mmu.CreatePage("Pb", 2);
        var l = mmu.CreatePage("L", 1);
        mmu.Link(r, 0, pa);
        mmu.Link(r, 1, pb);
        mmu.Link(pa, 0, l);
        mmu.Link(pb, 4, l);

        mmu.Unsync(l);

        Assert.Equal([0], Bits(pa));
        Assert.Equal([4], Bits(pb));
        Assert.Equal([0, 1], Bits(r));
        Assert.Equal(2, r.UnsyncChildren);
        Assert.Empty(InvariantChecker.Check(mmu));
    }

    [Theory]
    [MemberData(nameof(BothAlgorithms), MemberType = typeof(TestTables))]
    public void Walk_LeafReachedTwiceInOneWalk_BatchedOnceCountedTwice(string algorithm)
    {
        // Same table. Walk 1: R[0] -> Pa (batched) -> L (counted, batched); R[1] -> Pb (batched)
        // -> L again: counted (nr_unsync_leaf++ comes first) but mmu_pages_add skips an unsync
        // page already in the batch. The walk returns 2 for one page; L is synced once.
        var mmu = New(algorithm);
        var r = mmu.CreateRoot("R", 3);
        var pa = mmu.CreatePage("Pa", 2);
        var pb = mmu.CreatePage("Pb", 2);
        var l = mmu.CreatePage("L", 1);
        mmu.Link(r, 0, pa);
        mmu.Link(r, 1, pb);
        mmu.Link(pa, 0, l);
        mmu.Link(pb, 4, l);
        mmu.Unsync(l);
        var trace = EventTrace.Attach(mmu);

        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(r));

        // Legacy's clear_parents follows L's one path (through Pa): Pa[0], then R[0] (Pa's count
        // reached 0); R keeps bit 1, so it stops. Walk 2 finds Pb's bit 4 stale and clears it,
        // then R[1]. Recursive clears everything in walk 2.
        string[] expected = algorithm == "legacy"
            ?
            [
                "sync-children R", "walk R = 2 [R Pa@0 L@0 Pb@1]", "sync L",
                "clear Pa[0] by ClearParents", "clear R[0] by ClearParents",
                "walk R = 0 [R Pb@1]", "clear Pb[4] by Walk", "clear R[1] by Walk", "end R Done after 1",
            ]
            :
            [
                "sync-children R", "walk R = 2 [R Pa@0 L@0 Pb@1]", "sync L",
                "walk R = 0 [R Pa@0 Pb@1]",
                "clear Pa[0] by Walk", "clear R[0] by Walk", "clear Pb[4] by Walk", "clear R[1] by Walk", "end R Done after 1",
            ];
        Assert.Equal(expected, trace.Lines());
        Assert.Equal(1, l.Syncs);
        Assert.Equal(1, mmu.Stats.Syncs);
        Assert.Equal(0, mmu.Stats.Unsync);
        Assert.Empty(mmu.Warnings);
        Assert.Empty(Bits(r));
        Assert.Empty(Bits(pa));
        Assert.Empty(Bits(pb));
        Assert.Empty(InvariantChecker.Check(mmu));
    }

    [Theory]
    [MemberData(nameof(BothAlgorithms), MemberType = typeof(TestTables))]
    public void Sync_IntermediateSharedByTwoRoots_SyncedThroughOne_OtherRootKeepsStaleBit(string algorithm)
    {
        // R1 (L3) [0]-> P2 and R2 (L3) [5]-> P2; P2 [1]-> L.
        var mmu = New(algorithm);
        var r1 = mmu.CreateRoot("R1", 3);
        var r2 = mmu.CreateRoot("R2", 3);
        var p2 = mmu.CreatePage("P2", 2);
        var l = mmu.CreatePage("L", 1);
        mmu.Link(r1, 0, p2);
        mmu.Link(r2, 5, p2);
        mmu.Link(p2, 1, l);
        mmu.Unsync(l);
        Assert.Equal([0], Bits(r1));
        Assert.Equal([5], Bits(r2));
        Assert.Equal([1], Bits(p2));

        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(r1));

        // P2 is inside R1's walk, so it ends clean under both algorithms; R2 is outside.
        Assert.Empty(Bits(r1));
        Assert.Empty(Bits(p2));
        Assert.Equal([5], Bits(r2));
        Assert.Equal(1, r2.UnsyncChildren);
        Assert.Empty(InvariantChecker.Check(mmu));
    }

    [Theory]
    [MemberData(nameof(BothAlgorithms), MemberType = typeof(TestTables))]
    public void Link_SamePageTwiceInOneParent_BothBitsMarkedAndCleared(string algorithm)
    {
        // P2 [0]-> L and P2 [1]-> L: two parent ptes from one page.
        var mmu = New(algorithm);
        var p2 = mmu.CreateRoot("P2", 2);
        var l = mmu.CreatePage("L", 1);
        mmu.Link(p2, 0, l);
        mmu.Link(p2, 1, l);
        mmu.Unsync(l);
        Assert.Equal([0, 1], Bits(p2));
        Assert.Equal(2, p2.UnsyncChildren);
        var trace = EventTrace.Attach(mmu);

        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(p2));

        Assert.Equal("walk P2 = 2 [P2 L@0]", EventTrace.Format(trace.Walks[0]));
        Assert.Equal(1, l.Syncs);
        Assert.Empty(Bits(p2));
        Assert.Equal(0, p2.UnsyncChildren);
        Assert.Empty(mmu.Warnings);
        Assert.Empty(InvariantChecker.Check(mmu));
    }
}
