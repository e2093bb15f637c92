using MmuDsl.Mmu.Invariants;
using static MmuDsl.Mmu.Tests.TestTables;

namespace MmuDsl.Mmu.Tests;

/// <summary>
/// A failed <c>kvm_sync_page</c> zaps the leaf: it loses its sptes and all its parents, whose
/// sptes are cleared and whose bits stay set (stale), within the walk and outside it.
/// </summary>
public sealed class SyncFailureTests
{
    [Theory]
    [MemberData(nameof(BothAlgorithms), MemberType = typeof(TestTables))]
    public void Sync_FailNextSync_ZapsPage_ClearsEveryParentSpte_BitsStale(string algorithm)
    {
        // L (with leaves at 0 and 1) is linked from R1[0] and R2[3]; its next sync fails.
        var mmu = New(algorithm);
        var r1 = mmu.CreateRoot("R1", 2);
        var r2 = mmu.CreateRoot("R2", 2);
        var l = mmu.CreatePage("L", 1);
        mmu.Link(r1, 0, l);
        mmu.Link(r2, 3, l);
        mmu.MapLeaf(l, 0);
        mmu.MapLeaf(l, 1);
        mmu.FailNextSync(l);
        mmu.Unsync(l);
        Assert.True(l.FailNextSync);
        Assert.Equal([0], Bits(r1));
        Assert.Equal([3], Bits(r2));
        Assert.Equal(1, mmu.Stats.Unsync);
        var trace = EventTrace.Attach(mmu);

        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(r1));

        // kvm_sync_page fails: L's own sptes go, then each parent's spte (R1[0], R2[3]); L is
        // invalid. Legacy then clears R1[0] on the path; recursive's second walk finds R1[0]
        // not present and clears it. R2 is outside the walk: its bit 3 stays, over nothing.
        string[] expected = algorithm == "legacy"
            ?
            [
                "sync-children R1", "walk R1 = 1 [R1 L@0]", "sync L failed",
                "drop L[0]", "drop L[1]", "drop R1[0] -> L", "drop R2[3] -> L", "zapped L",
                "clear R1[0] by ClearParents", "walk R1 = 0 []", "end R1 Done after 1",
            ]
            :
            [
                "sync-children R1", "walk R1 = 1 [R1 L@0]", "sync L failed",
                "drop L[0]", "drop L[1]", "drop R1[0] -> L", "drop R2[3] -> L", "zapped L",
                "walk R1 = 0 [R1]", "clear R1[0] by Walk", "end R1 Done after 1",
            ];
        Assert.Equal(expected, trace.Lines());
        Assert.True(l.Zapped);
        Assert.False(l.Unsync);
        Assert.False(l.FailNextSync);
        Assert.Equal(1, l.Syncs);
        Assert.Equal(0, l.PresentCount);
        Assert.Equal(0, l.ParentCount);
        Assert.Equal(SpteKind.None, r1.SpteAt(0).Kind);
        Assert.Equal(SpteKind.None, r2.SpteAt(3).Kind);
        Assert.Empty(Bits(r1));
        Assert.Equal([3], Bits(r2));
        Assert.Equal(1, r2.UnsyncChildren);
        Assert.Equal(0, mmu.Stats.Unsync);
        Assert.Equal(1, mmu.Stats.Syncs);
        Assert.Equal(1, mmu.Stats.Zaps);
        Assert.Empty(mmu.Warnings);
        Assert.Empty(InvariantChecker.Check(mmu));

        // R2's stale bit is cleared by its next walk (a not-present spte).
        trace.Events.Clear();
        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(r2));
        Assert.Equal(["clear R2[3] by Walk"], trace.ClearLines());
        Assert.Empty(Bits(r2));
    }

    [Theory]
    [MemberData(nameof(BothAlgorithms), MemberType = typeof(TestTables))]
    public void Sync_FailNextSyncInMiddleOfBatch_ZapsThatPageOnly_RestOfBatchSynced(string algorithm)
    {
        var (mmu, r, leaves) = Fan(algorithm, 3);
        mmu.FailNextSync(leaves[1]);
        var trace = EventTrace.Attach(mmu);

        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(r));

        // One batch [R L0 L1 L2]; L1's zap happens between L0's and L2's syncs.
        var lines = trace.Lines().Where(x => !x.StartsWith("clear ", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            ["sync-children R", "walk R = 3 [R L0@0 L1@1 L2@2]", "sync L0", "sync L1 failed", "drop R[1] -> L1", "zapped L1", "sync L2"],
            lines.Take(7));
        Assert.Equal(
            algorithm == "legacy"
                ? ["clear R[0] by ClearParents", "clear R[1] by ClearParents", "clear R[2] by ClearParents"]
                : ["clear R[0] by Walk", "clear R[1] by Walk", "clear R[2] by Walk"],
            trace.ClearLines());
        Assert.False(leaves[0].Zapped);
        Assert.True(leaves[1].Zapped);
        Assert.False(leaves[2].Zapped);
        Assert.All(leaves, l => Assert.False(l.Unsync));
        Assert.All(leaves, l => Assert.Equal(1, l.Syncs));
        Assert.Equal(SpteKind.Link, r.SpteAt(0).Kind);
        Assert.Equal(SpteKind.None, r.SpteAt(1).Kind);
        Assert.Equal(SpteKind.Link, r.SpteAt(2).Kind);
        Assert.Empty(Bits(r));
        Assert.Equal(3, mmu.Stats.Syncs);
        Assert.Equal(1, mmu.Stats.Zaps);
        Assert.Equal(0, mmu.Stats.Unsync);
        Assert.Empty(mmu.Warnings);
        Assert.Empty(InvariantChecker.Check(mmu));
    }

    [Theory]
    [MemberData(nameof(BothAlgorithms), MemberType = typeof(TestTables))]
    public void Sync_FailedPageSharedWithLaterBatchEntry_SiblingBitStaleUntilNextWalk(string algorithm)
    {
        // R (L3) [0]-> Pa [0]-> L; R [1]-> Pb [0]-> L, Pb [1]-> M. L fails.
        var mmu = New(algorithm);
        var r = mmu.CreateRoot("R", 3);
        var pa = mmu.CreatePage("Pa", 2);
        var pb = mmu.CreatePage("Pb", 2);
        var l = mmu.CreatePage("L", 1);
        var m = mmu.CreatePage("M", 1);
        mmu.Link(r, 0, pa);
        mmu.Link(r, 1, pb);
        mmu.Link(pa, 0, l);
        mmu.Link(pb, 0, l);
        mmu.Link(pb, 1, m);
        mmu.Unsync(l);
        mmu.Unsync(m);
        mmu.FailNextSync(l);
        Assert.Equal([0, 1], Bits(pb));
        var trace = EventTrace.Attach(mmu);

        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(r));

        // Walk 1: [R Pa@0 L@0 Pb@1 M@1] (L counted twice, batched once): 3. L's zap clears
        // Pa[0] and Pb[0]; legacy's clear_parents after L: Pa[0], R[0] (Pa empty), stop (R
        // keeps bit 1); after M: Pb[1], stop (Pb keeps the stale bit 0). Walk 2 clears Pb[0]
        // (not present) and R[1]. Recursive clears all five bits in walk 2.
        Assert.Equal("walk R = 3 [R Pa@0 L@0 Pb@1 M@1]", EventTrace.Format(trace.Walks[0]));
        Assert.Equal(
            algorithm == "legacy"
                ? ["clear Pa[0] by ClearParents", "clear R[0] by ClearParents", "clear Pb[1] by ClearParents", "clear Pb[0] by Walk", "clear R[1] by Walk"]
                : ["clear Pa[0] by Walk", "clear R[0] by Walk", "clear Pb[0] by Walk", "clear Pb[1] by Walk", "clear R[1] by Walk"],
            trace.ClearLines());
        Assert.True(l.Zapped);
        Assert.False(m.Zapped);
        Assert.False(m.Unsync);
        Assert.Equal(SpteKind.None, pa.SpteAt(0).Kind);
        Assert.Equal(SpteKind.None, pb.SpteAt(0).Kind);
        Assert.Equal(SpteKind.Link, pb.SpteAt(1).Kind);
        Assert.Empty(Bits(r));
        Assert.Empty(Bits(pa));
        Assert.Empty(Bits(pb));
        Assert.Equal(2, mmu.Stats.Syncs);
        Assert.Equal(1, mmu.Stats.Zaps);
        Assert.Empty(mmu.Warnings);
        Assert.Empty(InvariantChecker.Check(mmu));
    }

    [Theory]
    [MemberData(nameof(BothAlgorithms), MemberType = typeof(TestTables))]
    public void FailNextSync_ConsumedByOneSync_NextSyncSucceeds(string algorithm)
    {
        // The flag is set on a page that is not unsync yet; it waits for the next kvm_sync_page.
        var mmu = New(algorithm);
        var r = mmu.CreateRoot("R", 2);
        var a = mmu.CreatePage("A", 1);
        var b = mmu.CreatePage("B", 1);
        mmu.Link(r, 0, a);
        mmu.Link(r, 1, b);
        mmu.FailNextSync(b);
        mmu.Unsync(a);
        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(r));
        Assert.True(b.FailNextSync);
        Assert.False(b.Zapped);
        Assert.Equal(0, b.Syncs);

        mmu.Unsync(b);
        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(r));

        Assert.True(b.Zapped);
        Assert.False(b.FailNextSync);
        Assert.Equal(1, mmu.Stats.Zaps);
        Assert.Equal(2, mmu.Stats.Syncs);
        Assert.Empty(InvariantChecker.Check(mmu));
    }
}
