using MmuDsl.Mmu.Invariants;
using static MmuDsl.Mmu.Tests.TestTables;

namespace MmuDsl.Mmu.Tests;

/// <summary>
/// Every branch of <c>__mmu_unsync_walk</c> (docs/model.md#the-walk), and the no-progress
/// guard of the sync and zap loops. Each test states the metadata before and after, and who
/// cleared each bit (the walk, or legacy's <c>mmu_pages_clear_parents</c>).
/// </summary>
public sealed class WalkTests
{
    [Theory]
    [MemberData(nameof(BothAlgorithms), MemberType = typeof(TestTables))]
    public void Walk_NotPresentSpte_BitClearedByWalk(string algorithm)
    {
        // R (L3) [0]-> P2 [3]-> L, L unsync; then P2[3] is unlinked: P2's bit 3 and R's bit 0 stay.
        var mmu = New(algorithm);
        var r = mmu.CreateRoot("R", 3);
        var p2 = mmu.CreatePage("P2", 2);
        var l = mmu.CreatePage("L", 1);
        mmu.Link(r, 0, p2);
        mmu.Link(p2, 3, l);
        mmu.Unsync(l);
        mmu.Unlink(p2, 3);

        Assert.Equal(SpteKind.None, p2.SpteAt(3).Kind);
        Assert.Equal(0, l.ParentCount);
        Assert.Equal([3], Bits(p2));
        Assert.Equal(1, p2.UnsyncChildren);
        Assert.Equal([0], Bits(r));
        Assert.Equal(1, r.UnsyncChildren);

        var trace = EventTrace.Attach(mmu);
        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(r));

        // One walk: R[0] leads to P2 (unsync_children 1): batched, walked; P2[3] is not present:
        // cleared; P2's subtree had no leaf (r == 0): R[0] cleared. Nothing synced, no batch.
        Assert.Equal(
            ["sync-children R", "walk R = 0 [R P2@0]", "clear P2[3] by Walk", "clear R[0] by Walk", "end R Done after 0"],
            trace.Lines());
        Assert.Empty(Bits(p2));
        Assert.Equal(0, p2.UnsyncChildren);
        Assert.Empty(Bits(r));
        Assert.Equal(0, r.UnsyncChildren);
        Assert.True(l.Unsync); // unreachable now: the walk cannot find it, stat.unsync keeps it
        Assert.Equal(1, mmu.Stats.Unsync);
        Assert.Equal(0, mmu.Stats.Syncs);
        Assert.Equal(1, mmu.Stats.Walks);
        Assert.Equal(2, mmu.Stats.Visits);
        Assert.Empty(InvariantChecker.Check(mmu));
        Assert.Empty(mmu.Warnings);
    }

    [Theory]
    [MemberData(nameof(BothAlgorithms), MemberType = typeof(TestTables))]
    public void Walk_LargeSpteWithStaleBit_BitClearedByWalkWithoutDescending(string algorithm)
    {
        // R (L3) [0]-> P2 [1]-> L, L unsync; R[0] unlinked and remapped as a huge page: R's bit 0
        // is now set over a large leaf.
        var mmu = New(algorithm);
        var r = mmu.CreateRoot("R", 3);
        var p2 = mmu.CreatePage("P2", 2);
        var l = mmu.CreatePage("L", 1);
        mmu.Link(r, 0, p2);
        mmu.Link(p2, 1, l);
        mmu.Unsync(l);
        mmu.Unlink(r, 0);
        mmu.MapLarge(r, 0);

        Assert.Equal(SpteKind.Large, r.SpteAt(0).Kind);
        Assert.Equal([0], Bits(r));
        Assert.Equal(1, r.UnsyncChildren);
        Assert.Equal([1], Bits(p2));

        var trace = EventTrace.Attach(mmu);
        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(r));

        Assert.Equal(["sync-children R", "walk R = 0 [R]", "clear R[0] by Walk", "end R Done after 0"], trace.Lines());
        Assert.Empty(Bits(r));
        Assert.Equal(0, r.UnsyncChildren);
        Assert.Equal(SpteKind.Large, r.SpteAt(0).Kind);
        Assert.Equal([1], Bits(p2)); // detached: not walked
        Assert.True(l.Unsync);
        Assert.Equal(1, mmu.Stats.Visits);
        Assert.Empty(InvariantChecker.Check(mmu));
        Assert.Empty(mmu.Warnings);
    }

    [Theory]
    [MemberData(nameof(BothAlgorithms), MemberType = typeof(TestTables))]
    public void Walk_ChildWithUnsyncChildren_BatchedBeforeItsLeavesAndKeepsItsBit(string algorithm)
    {
        var (mmu, r, p3, p2, l) = Chain(algorithm);
        mmu.Unsync(l);
        Assert.Equal([0], Bits(r));
        Assert.Equal([1], Bits(p3));
        Assert.Equal([2], Bits(p2));

        var trace = EventTrace.Attach(mmu);
        var before = new List<string>();
        mmu.Observer = e =>
        {
            trace.Events.Add(e);
            if (e is Events.WalkFinished && before.Count == 0)
            {
                // The state as the first walk left it, before its batch is synced.
                before.Add($"R[{string.Join(",", Bits(r))}] P3[{string.Join(",", Bits(p3))}] P2[{string.Join(",", Bits(p2))}]");
            }
        };
        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(r));

        // Walk 1: P3 and P2 have unsync children: each is batched, then walked; their walks
        // found a leaf (r > 0), so no bit is cleared by walk 1.
        Assert.Equal("walk R = 1 [R P3@0 P2@1 L@2]", EventTrace.Format(trace.Walks[0]));
        Assert.Equal(["R[0] P3[1] P2[2]"], before);
        Assert.Equal(2, trace.Walks.Count);
        Assert.Empty(Bits(r));
        Assert.Empty(Bits(p3));
        Assert.Empty(Bits(p2));
        Assert.False(l.Unsync);
        Assert.Equal(1, l.Syncs);
        Assert.Empty(InvariantChecker.Check(mmu));
    }

    [Theory]
    [MemberData(nameof(BothAlgorithms), MemberType = typeof(TestTables))]
    public void Walk_UnsyncChild_CountedBatchedSyncedThenBitCleared(string algorithm)
    {
        var mmu = New(algorithm);
        var r = mmu.CreateRoot("R", 2);
        var l = mmu.CreatePage("L", 1);
        mmu.Link(r, 5, l);
        mmu.Unsync(l);
        Assert.Equal([5], Bits(r));
        Assert.Equal(1, mmu.Stats.Unsync);

        var trace = EventTrace.Attach(mmu);
        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(r));

        // Legacy clears R[5] right after syncing L (mmu_pages_clear_parents), so its second walk
        // finds unsync_children == 0 and batches nothing; recursive leaves the bit to the second
        // walk, which finds L clean.
        string[] expected = algorithm == "legacy"
            ? ["sync-children R", "walk R = 1 [R L@5]", "sync L", "clear R[5] by ClearParents", "walk R = 0 []", "end R Done after 1"]
            : ["sync-children R", "walk R = 1 [R L@5]", "sync L", "walk R = 0 [R]", "clear R[5] by Walk", "end R Done after 1"];
        Assert.Equal(expected, trace.Lines());
        Assert.Empty(Bits(r));
        Assert.False(l.Unsync);
        Assert.Equal(1, l.Syncs);
        Assert.Equal(0, mmu.Stats.Unsync);
        Assert.Equal(1, mmu.Stats.Syncs);
        Assert.Equal(2, mmu.Stats.Walks);
        Assert.Equal(algorithm == "legacy" ? 1 : 2, mmu.Stats.Visits);
        Assert.Empty(InvariantChecker.Check(mmu));
    }

    [Theory]
    [MemberData(nameof(BothAlgorithms), MemberType = typeof(TestTables))]
    public void Walk_CleanLeafChildWithStaleBit_BitClearedByWalkNothingSynced(string algorithm)
    {
        // L is linked from R[5] and R2[0]; synced through R2, it leaves R's bit 5 stale.
        var mmu = New(algorithm);
        var r = mmu.CreateRoot("R", 2);
        var r2 = mmu.CreateRoot("R2", 2);
        var l = mmu.CreatePage("L", 1);
        mmu.Link(r, 5, l);
        mmu.Link(r2, 0, l);
        mmu.Unsync(l);
        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(r2));
        Assert.False(l.Unsync);
        Assert.Equal([5], Bits(r));
        Assert.Equal(1, r.UnsyncChildren);

        var trace = EventTrace.Attach(mmu);
        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(r));

        Assert.Equal(["sync-children R", "walk R = 0 [R]", "clear R[5] by Walk", "end R Done after 0"], trace.Lines());
        Assert.Empty(Bits(r));
        Assert.Equal(0, r.UnsyncChildren);
        Assert.Equal(1, l.Syncs);
        Assert.Equal(1, mmu.Stats.Syncs);
        Assert.Empty(InvariantChecker.Check(mmu));
    }

    [Theory]
    [MemberData(nameof(BothAlgorithms), MemberType = typeof(TestTables))]
    public void Walk_CleanIntermediateChildWithStaleBit_BitClearedWithoutDescending(string algorithm)
    {
        // R (L3) [0]-> P2 [0]-> L; syncing P2 itself leaves R's bit 0 stale (claim 3).
        var mmu = New(algorithm);
        var r = mmu.CreateRoot("R", 3);
        var p2 = mmu.CreatePage("P2", 2);
        var l = mmu.CreatePage("L", 1);
        mmu.Link(r, 0, p2);
        mmu.Link(p2, 0, l);
        mmu.Unsync(l);
        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(p2));
        Assert.Equal([0], Bits(r));
        Assert.Empty(Bits(p2));
        long visits = mmu.Stats.Visits;

        var trace = EventTrace.Attach(mmu);
        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(r));

        // P2 has unsync_children == 0 and is not unsync: a clean child; it is neither batched
        // nor walked, one visit in all.
        Assert.Equal(["sync-children R", "walk R = 0 [R]", "clear R[0] by Walk", "end R Done after 0"], trace.Lines());
        Assert.Equal(visits + 1, mmu.Stats.Visits);
        Assert.Empty(Bits(r));
        Assert.Empty(InvariantChecker.Check(mmu));
    }

    [Theory]
    [MemberData(nameof(BothAlgorithms), MemberType = typeof(TestTables))]
    public void Walk_BitsInAscendingOrderAcrossWords_VisitsEachSetBitOnce(string algorithm)
    {
        // Leaves at 511, 64, 63 and 0 (linked in that order): the batch lists them ascending.
        var mmu = New(algorithm);
        var r = mmu.CreateRoot("R", 2);
        foreach (int i in new[] { 511, 64, 63, 0 })
        {
            var l = mmu.CreatePage($"L{i}", 1);
            mmu.Link(r, i, l);
            mmu.Unsync(l);
        }

        Assert.Equal([0, 63, 64, 511], Bits(r));
        var trace = EventTrace.Attach(mmu);
        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(r));

        Assert.Equal("walk R = 4 [R L0@0 L63@63 L64@64 L511@511]", EventTrace.Format(trace.Walks[0]));
        Assert.Equal(4, mmu.Stats.Syncs);
        Assert.Equal(algorithm == "legacy" ? 4 : 8, mmu.Stats.Visits);
        Assert.Empty(Bits(r));
    }

    [Theory]
    [InlineData("legacy", 2)]
    [InlineData("legacy", 3)]
    [InlineData("recursive", 2)]
    [InlineData("recursive", 3)]
    public void BatchBelowLevel_FiresNoProgress_AndStops(string algorithm, int capacity)
    {
        // A level-4 walk needs 4 entries (R, P3, P2, L) to reach a leaf. With 2 or 3 the batch
        // fills with pages of the one path: no leaf, no bit cleared; the kernel would walk the same
        // path forever. The engine fires no-progress and returns NoProgress after one walk.
        var (mmu, r, p3, p2, l) = Chain(algorithm);
        mmu.Unsync(l);
        mmu.BatchCapacity = capacity;
        var trace = EventTrace.Attach(mmu);

        Assert.Equal(SyncOutcome.NoProgress, mmu.SyncChildren(r));

        string batch = capacity == 2 ? "R P3@0" : "R P3@0 P2@1";
        Assert.Equal(
            ["sync-children R", $"walk R = ENOSPC [{batch}]", "warn no-progress", "end R NoProgress after 0"],
            trace.Lines());
        var warning = Assert.Single(mmu.Warnings);
        Assert.Equal(MmuWarningKind.NoProgress, warning.Kind);
        Assert.Equal("no-progress", warning.Name);
        Assert.Contains("'R'", warning.Message, StringComparison.Ordinal);
        Assert.Equal(1, mmu.Stats.Warnings);
        Assert.Equal(1, mmu.Stats.Walks);
        Assert.Equal(0, mmu.Stats.Syncs);
        Assert.Equal(0, mmu.Stats.Interrupted);
        Assert.True(l.Unsync);
        Assert.Equal([0], Bits(r));
        Assert.Equal([1], Bits(p3));
        Assert.Equal([2], Bits(p2));

        // Invariant 4 is a promise of a sync that returned 0; this one did not.
        Assert.Empty(InvariantChecker.Check(mmu));

        // With the level as capacity the same sync completes.
        mmu.BatchCapacity = 4;
        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(r));
        Assert.False(l.Unsync);
        Assert.Empty(Bits(r));
        Assert.Single(mmu.Warnings);
    }

    [Theory]
    [MemberData(nameof(BothAlgorithms), MemberType = typeof(TestTables))]
    public void BatchBelowLevel_StaleBitsOnly_StillNoProgress(string algorithm)
    {
        // Nothing is unsync, but R's path bits are stale (L synced through R2): with a batch of 2
        // the walk fills with [R, P3] before it can clear anything.
        var (mmu, r, p3, p2, l) = Chain(algorithm);
        var r2 = mmu.CreateRoot("R2", 2);
        mmu.Link(r2, 0, l);
        mmu.Unsync(l);
        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(r2));
        Assert.Equal(0, mmu.Stats.Unsync);
        mmu.BatchCapacity = 2;

        Assert.Equal(SyncOutcome.NoProgress, mmu.SyncChildren(r));

        Assert.Equal(MmuWarningKind.NoProgress, Assert.Single(mmu.Warnings).Kind);
        Assert.Equal([0], Bits(r));
        Assert.Equal([1], Bits(p3));
        Assert.Equal([2], Bits(p2));
    }

    [Theory]
    [InlineData("legacy", 3, 4)]
    [InlineData("recursive", 5, 6)]
    public void BatchEqualToLevel_LevelThreeRoot_Completes(string algorithm, int batches, int walks)
    {
        // Capacity 3 is below a level-4 root but enough for a level-3 one: a batch is full at the
        // first leaf, [R, Pi, Li], so every walk makes progress.
        // Legacy: 3 batches [R P0 L0], [R P1 L1], [R P2 L2] (clear_parents empties R as it
        // goes), then a 4th walk finds R clean.
        // Recursive: the walk after each batch first meets the synced Pi again, batches it and
        // clears its bits, then fills up on the next P: [R P0 L0], [R P0 P1] (no leaf, but bits
        // cleared: progress, still a batch), [R P1 L1], [R P1 P2], [R P2 L2]; a 6th walk clears
        // P2 and returns 0. 5 batches, 6 walks.
        var (mmu, r, mids, leaves) = Comb(algorithm, 3);
        mmu.BatchCapacity = 3;
        var trace = EventTrace.Attach(mmu);

        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(r));

        Assert.Empty(mmu.Warnings);
        Assert.All(leaves, l => Assert.False(l.Unsync));
        Assert.Empty(Bits(r));
        Assert.All(mids, p => Assert.Empty(Bits(p)));
        Assert.Equal("walk R = ENOSPC [R P0@0 L0@0]", EventTrace.Format(trace.Walks[0]));
        Assert.Equal($"end R Done after {batches}", Assert.Single(trace.Lines<Events.SyncFinished>()));
        Assert.Equal(walks, mmu.Stats.Walks);
        Assert.Empty(InvariantChecker.Check(mmu));
    }

    [Theory]
    [InlineData("legacy", 2)]
    [InlineData("legacy", 3)]
    [InlineData("recursive", 2)]
    [InlineData("recursive", 3)]
    public void ZapUnsyncChildren_BatchBelowLevel_FiresNoProgressAndZapsNothing(string algorithm, int capacity)
    {
        var (mmu, r, p3, p2, l) = Chain(algorithm);
        mmu.Unsync(l);
        mmu.BatchCapacity = capacity;

        Assert.Equal(SyncOutcome.NoProgress, mmu.ZapUnsyncChildren(r));

        Assert.Equal(MmuWarningKind.NoProgress, Assert.Single(mmu.Warnings).Kind);
        Assert.False(l.Zapped);
        Assert.True(l.Unsync);
        Assert.Equal(0, mmu.Stats.Zaps);
        Assert.Equal(1, mmu.Stats.Walks);
        Assert.Equal([0], Bits(r));
        Assert.Equal([1], Bits(p3));
        Assert.Equal([2], Bits(p2));
        Assert.Empty(InvariantChecker.Check(mmu));
    }

    [Theory]
    [InlineData("legacy", 2)]
    [InlineData("legacy", 3)]
    [InlineData("recursive", 2)]
    [InlineData("recursive", 3)]
    public void Zap_BatchBelowLevel_FiresNoProgressThenZapsThePageAnyway(string algorithm, int capacity)
    {
        // The zap's mmu_zap_unsync_children loop stops on no-progress; the rest of
        // kvm_mmu_prepare_zap_page goes on: R loses its children and is zapped, and L, which the
        // loop never reached, stays unsync below the now-detached P3.
        var (mmu, r, p3, p2, l) = Chain(algorithm);
        mmu.Unsync(l);
        mmu.BatchCapacity = capacity;
        var trace = EventTrace.Attach(mmu);

        mmu.Zap(r);

        Assert.Contains("end R NoProgress after 0", trace.Lines());
        Assert.Equal(MmuWarningKind.NoProgress, Assert.Single(mmu.Warnings).Kind);
        Assert.True(r.Zapped);
        Assert.Equal(SpteKind.None, r.SpteAt(0).Kind);
        Assert.Equal(0, p3.ParentCount);
        Assert.False(p3.Zapped);
        Assert.True(l.Unsync);
        Assert.False(l.Zapped);
        Assert.Equal(1, mmu.Stats.Zaps);
        Assert.Equal(1, mmu.Stats.Unsync);
        Assert.Equal([0], Bits(r));
        Assert.Equal([1], Bits(p3));
        Assert.Equal([2], Bits(p2));
        Assert.Empty(InvariantChecker.Check(mmu));
    }

    [Theory]
    [MemberData(nameof(BothAlgorithms), MemberType = typeof(TestTables))]
    public void Walk_ReportsTheEntriesItVisited_InOrder_AsManyAsStatVisits(string algorithm)
    {
        // R (L3) [0]-> P (L2) with L0..L3 at 0..3, L0 and L2 unsync; R[5] a stale bit over nothing.
        var mmu = New(algorithm);
        var r = mmu.CreateRoot("R", 3);
        var p = mmu.CreatePage("P", 2);
        mmu.Link(r, 0, p);
        var leaves = Enumerable.Range(0, 4).Select(i => mmu.CreatePage($"L{i}", 1)).ToArray();
        for (int i = 0; i < 4; i++)
        {
            mmu.Link(p, i, leaves[i]);
        }

        var q = mmu.CreatePage("Q", 2);
        mmu.Link(r, 5, q);
        mmu.Unsync(leaves[0]);
        mmu.Unsync(leaves[2]);
        mmu.Link(q, 0, mmu.CreatePage("M", 1));
        mmu.Unsync(mmu.Page("M"));
        mmu.Unlink(r, 5);
        var trace = EventTrace.Attach(mmu);
        long visits = mmu.Stats.Visits;

        mmu.SyncChildren(r);

        var first = trace.Walks[0];
        Assert.Equal(["R[0]", "P[0]", "P[2]", "R[5]"], first.Visits.Select(v => v.ToString()));
        Assert.Equal(mmu.Stats.Visits - visits, trace.Walks.Sum(w => w.Visits.Length));
        Assert.EndsWith(" visited R[0] P[0,2] R[5]", first.Describe(), StringComparison.Ordinal);

        // The stale R[5] is cleared by walk 1 and reported after it.
        var lines = trace.Lines();
        Assert.True(lines.IndexOf(EventTrace.Format(first)) < lines.IndexOf("clear R[5] by Walk"), string.Join(" | ", lines));
    }

    [Fact]
    public void DescribeVisits_GroupsAPagesConsecutiveVisits_AndRunsOfThreeOrMore()
    {
        var mmu = New("legacy");
        var r = mmu.CreateRoot("R", 3);
        var a = mmu.CreatePage("A", 2);
        var visits = System.Collections.Immutable.ImmutableArray.Create(
            new WalkVisit(r, 0), new WalkVisit(a, 0), new WalkVisit(a, 1), new WalkVisit(a, 2), new WalkVisit(a, 5),
            new WalkVisit(a, 6), new WalkVisit(r, 1), new WalkVisit(a, 9));
        Assert.Equal("R[0] A[0..2,5,6] R[1] A[9]", Events.WalkFinished.DescribeVisits(visits));
    }
}
