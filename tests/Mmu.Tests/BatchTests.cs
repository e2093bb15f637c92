using MmuDsl.Mmu.Invariants;
using static MmuDsl.Mmu.Tests.TestTables;

namespace MmuDsl.Mmu.Tests;

/// <summary>
/// The batch (<c>struct kvm_mmu_pages</c>, 16 entries): when it fills, how many walks and batches
/// a sync takes, and what each batch holds. Walks and batches are counted from the events
/// (<c>WalkFinished</c>, <c>SyncFinished.Batches</c>); every expected number is worked out in the
/// comment above it from docs/model.md#the-walk.
/// </summary>
public sealed class BatchTests
{
    [Theory]
    [InlineData("legacy", 14)]
    [InlineData("recursive", 28)]
    public void Sync_FourteenLeaves_FitInOneBatchOf15Entries(string algorithm, int visits)
    {
        // [R, L0..L13] is 15 entries: the 14th leaf's mmu_pages_add leaves the batch one short of
        // full, so walk 1 returns the 14 leaves. Walk 2 returns 0: under legacy R is already clean
        // (0 visits, empty batch); under recursive it visits R's 14 stale bits and clears them
        // (batch [R]). Walks 2, batches 1; visits 14 + 0 = 14 or 14 + 14 = 28.
        var (mmu, r, leaves) = Fan(algorithm, 14);
        var trace = EventTrace.Attach(mmu);

        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(r));

        Assert.Equal([14, 0], trace.Walks.Select(w => w.Result));
        Assert.Equal([15, algorithm == "legacy" ? 0 : 1], trace.Walks.Select(w => w.Batch.Length));
        Assert.Equal("end R Done after 1", Assert.Single(trace.Lines<Events.SyncFinished>()));
        Assert.Equal(visits, mmu.Stats.Visits);
        Assert.Equal(14, mmu.Stats.Syncs);
        Assert.All(leaves, l => Assert.False(l.Unsync));
        Assert.Empty(Bits(r));
        Assert.Empty(InvariantChecker.Check(mmu));
    }

    [Theory]
    [InlineData("legacy", 15)]
    [InlineData("recursive", 30)]
    public void Sync_FifteenLeaves_FillBatchOfExactly16_ThenOneMoreWalk(string algorithm, int visits)
    {
        // [R, L0..L14] is exactly 16 entries: adding L14 fills the batch, and the walk returns
        // -ENOSPC even though no unsync page is left behind. The batch is synced (15 leaves), and
        // the loop walks again because -ENOSPC is nonzero. Walk 2 returns 0 (legacy: R clean,
        // 0 visits, empty batch; recursive: 15 stale bits visited and cleared, batch [R]).
        // Walks 2, batches 1; visits 15 + 0 = 15 or 15 + 15 = 30.
        var (mmu, r, leaves) = Fan(algorithm, 15);
        var trace = EventTrace.Attach(mmu);
        Assert.Equal(Enumerable.Range(0, 15), Bits(r));

        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(r));

        Assert.Equal([ShadowMmu.Enospc, 0], trace.Walks.Select(w => w.Result));
        Assert.Equal(16, trace.Walks[0].Batch.Length);
        Assert.Equal("R L0@0", string.Join(" ", EventTrace.Batch(trace.Walks[0]).Split(' ').Take(2)));
        Assert.Equal("L14@14", EventTrace.Batch(trace.Walks[0]).Split(' ')[^1]);
        Assert.Equal(algorithm == "legacy" ? 0 : 1, trace.Walks[1].Batch.Length);
        Assert.Equal("end R Done after 1", Assert.Single(trace.Lines<Events.SyncFinished>()));
        Assert.Equal(2, mmu.Stats.Walks);
        Assert.Equal(visits, mmu.Stats.Visits);
        Assert.Equal(15, mmu.Stats.Syncs);
        Assert.Equal(0, mmu.Stats.Unsync);
        Assert.All(leaves, l => Assert.Equal(1, l.Syncs));
        Assert.Empty(Bits(r));
        Assert.Equal(0, r.UnsyncChildren);
        Assert.Empty(InvariantChecker.Check(mmu));
    }

    [Theory]
    [InlineData("legacy", 16)]
    [InlineData("recursive", 32)]
    public void Sync_SixteenLeaves_NeedSeventeenEntries_TwoBatches(string algorithm, int visits)
    {
        // 16 leaves need 17 entries. Walk 1: [R, L0..L14] full at L14 (15 visits), -ENOSPC;
        // L0..L14 synced. Walk 2: legacy sees only bit 15 (1 visit); recursive visits the 15
        // clean leaves' bits and clears them, then bit 15 (16 visits); both batch [R, L15@15]
        // and return 1. Walk 3 returns 0: legacy with R clean (0 visits), recursive clearing bit
        // 15 (1 visit). Walks 3, batches 2; visits 15+1+0 = 16 or 15+16+1 = 32.
        var (mmu, r, leaves) = Fan(algorithm, 16);
        var trace = EventTrace.Attach(mmu);

        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(r));

        Assert.Equal([ShadowMmu.Enospc, 1, 0], trace.Walks.Select(w => w.Result));
        Assert.Equal([16, 2, algorithm == "legacy" ? 0 : 1], trace.Walks.Select(w => w.Batch.Length));
        Assert.Equal("R L15@15", EventTrace.Batch(trace.Walks[1]));
        Assert.Equal("end R Done after 2", Assert.Single(trace.Lines<Events.SyncFinished>()));
        Assert.Equal(3, mmu.Stats.Walks);
        Assert.Equal(visits, mmu.Stats.Visits);
        Assert.Equal(16, mmu.Stats.Syncs);
        Assert.All(leaves, l => Assert.Equal(1, l.Syncs));
        Assert.Empty(Bits(r));
        Assert.Empty(InvariantChecker.Check(mmu));
    }

    [Theory]
    [InlineData("legacy", "R P7@7 L7@0 P8@8 L8@0 P9@9 L9@0", 21)]
    [InlineData("recursive", "R P0@0 P1@1 P2@2 P3@3 P4@4 P5@5 P6@6 P7@7 L7@0 P8@8 L8@0 P9@9 L9@0", 41)]
    public void Sync_CleanIntermediatesUnderRecursive_TakeSlotsInTheNextBatch(string algorithm, string secondBatch, int visits)
    {
        // Comb of 10: R[i] -> Pi [0] -> Li. Walk 1 (both): [R, P0, L0, ..., P6, L6, P7] is full at
        // P7 (16 entries; visits: R[0..7] 8 + P0..P6 7 = 15): L0..L6 synced.
        // Legacy cleared P0..P6 and R[0..6] bottom-up, so walk 2 starts at R[7]: [R, P7, L7, P8,
        // L8, P9, L9] (6 visits), 3 leaves; walk 3 finds R clean. 15 + 6 + 0 = 21 visits.
        // Recursive: walk 2 meets P0..P6 again, batches each (7 slots) and clears it, then
        // batches P7 L7 P8 L8 P9 L9 (14 entries; visits 10 on R + 10 on the Pi = 20); walk 3
        // clears P7..P9 and R[7..9] (6 visits). 15 + 20 + 6 = 41 visits. Both: 3 walks, 2 batches.
        var (mmu, r, mids, leaves) = Comb(algorithm, 10);
        var trace = EventTrace.Attach(mmu);

        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(r));

        Assert.Equal([ShadowMmu.Enospc, 3, 0], trace.Walks.Select(w => w.Result));
        Assert.Equal(
            "R P0@0 L0@0 P1@1 L1@0 P2@2 L2@0 P3@3 L3@0 P4@4 L4@0 P5@5 L5@0 P6@6 L6@0 P7@7",
            EventTrace.Batch(trace.Walks[0]));
        Assert.Equal(secondBatch, EventTrace.Batch(trace.Walks[1]));
        Assert.Equal("end R Done after 2", Assert.Single(trace.Lines<Events.SyncFinished>()));
        Assert.Equal(3, mmu.Stats.Walks);
        Assert.Equal(visits, mmu.Stats.Visits);
        Assert.All(leaves, l => Assert.Equal(1, l.Syncs));
        Assert.All(mids, p => Assert.Empty(Bits(p)));
        Assert.Empty(Bits(r));
        Assert.Empty(InvariantChecker.Check(mmu));
    }

    [Theory]
    [MemberData(nameof(BothAlgorithms), MemberType = typeof(TestTables))]
    public void Sync_CustomCapacity_BatchesOfThatSize(string algorithm)
    {
        // Capacity 4 on a fan of 7: [R L0 L1 L2], [R L3 L4 L5] full each time (-ENOSPC), then
        // [R L6] (1 leaf), then a walk returning 0: 3 batches, 4 walks under both algorithms.
        var (mmu, r, leaves) = Fan(algorithm, 7);
        mmu.BatchCapacity = 4;
        var trace = EventTrace.Attach(mmu);

        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(r));

        Assert.Equal([ShadowMmu.Enospc, ShadowMmu.Enospc, 1, 0], trace.Walks.Select(w => w.Result));
        Assert.Equal("R L0@0 L1@1 L2@2", EventTrace.Batch(trace.Walks[0]));
        Assert.Equal("R L3@3 L4@4 L5@5", EventTrace.Batch(trace.Walks[1]));
        Assert.Equal("R L6@6", EventTrace.Batch(trace.Walks[2]));
        Assert.Equal("end R Done after 3", Assert.Single(trace.Lines<Events.SyncFinished>()));
        Assert.Equal(4, mmu.BatchCapacity);
        Assert.All(leaves, l => Assert.False(l.Unsync));
        Assert.Empty(mmu.Warnings);
    }

    [Theory]
    [InlineData("legacy", 512)]
    [InlineData("recursive", 1024)]
    public void Sync_AllFiveHundredTwelveSptesUnsync_ThirtyFiveBatches(string algorithm, int visits)
    {
        // 512 leaves, 15 per batch: 34 full batches (510 leaves, each walk -ENOSPC), a 35th
        // with L510 and L511 (returns 2), then a walk returning 0: 36 walks, 35 batches under
        // both (clean level-1 children take no batch slot).
        // Legacy visits only the bits still set: 34 * 15 + 2 + 0 = 512.
        // Recursive also re-visits the previous batch's 15 bits: 15 + 33 * 30 + (15 + 2) + 2 = 1024.
        var (mmu, r, leaves) = Fan(algorithm, 512);
        var trace = EventTrace.Attach(mmu);

        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(r));

        Assert.Equal(36, trace.Walks.Count);
        Assert.Equal(34, trace.Walks.Count(w => w.Result == ShadowMmu.Enospc));
        Assert.Equal([2, 0], trace.Walks.Skip(34).Select(w => w.Result));
        Assert.Equal("end R Done after 35", Assert.Single(trace.Lines<Events.SyncFinished>()));
        Assert.Equal(visits, mmu.Stats.Visits);
        Assert.Equal(512, mmu.Stats.Syncs);
        Assert.All(leaves, l => Assert.False(l.Unsync));
        Assert.Empty(Bits(r));
        Assert.Empty(InvariantChecker.Check(mmu));
    }

    [Theory]
    [InlineData("legacy", 5, SyncOutcome.Done)]
    [InlineData("legacy", 4, SyncOutcome.NoProgress)]
    [InlineData("recursive", 5, SyncOutcome.Done)]
    [InlineData("recursive", 4, SyncOutcome.NoProgress)]
    public void Sync_LevelFiveRoot_NeedsFiveEntries(string algorithm, int capacity, SyncOutcome outcome)
    {
        // R5 [0]-> P4 [1]-> P3 [2]-> P2 [3]-> L: the deepest path, 5 entries; legacy's climb
        // clears all four bits up to R5 and stops at the sentinel above it.
        var mmu = New(algorithm);
        var r = mmu.CreateRoot("R5", 5);
        var p4 = mmu.CreatePage("P4", 4);
        var p3 = mmu.CreatePage("P3", 3);
        var p2 = mmu.CreatePage("P2", 2);
        var l = mmu.CreatePage("L", 1);
        mmu.Link(r, 0, p4);
        mmu.Link(p4, 1, p3);
        mmu.Link(p3, 2, p2);
        mmu.Link(p2, 3, l);
        mmu.Unsync(l);
        mmu.BatchCapacity = capacity;
        var trace = EventTrace.Attach(mmu);

        Assert.Equal(outcome, mmu.SyncChildren(r));

        if (outcome == SyncOutcome.Done)
        {
            Assert.Equal("walk R5 = ENOSPC [R5 P4@0 P3@1 P2@2 L@3]", EventTrace.Format(trace.Walks[0]));
            var by = algorithm == "legacy" ? Events.BitClearer.ClearParents : Events.BitClearer.Walk;
            Assert.Equal([$"clear P2[3] by {by}", $"clear P3[2] by {by}", $"clear P4[1] by {by}", $"clear R5[0] by {by}"], trace.ClearLines());
            Assert.False(l.Unsync);
            Assert.Empty(mmu.Warnings);
        }
        else
        {
            Assert.Equal("walk R5 = ENOSPC [R5 P4@0 P3@1 P2@2]", EventTrace.Format(trace.Walks[0]));
            Assert.True(l.Unsync);
            Assert.Equal(MmuWarningKind.NoProgress, Assert.Single(mmu.Warnings).Kind);
        }

        Assert.Empty(InvariantChecker.Check(mmu));
    }

    [Fact]
    public void BatchCapacity_Default_IsKernels16()
    {
        var mmu = New("legacy");
        Assert.Equal(16, mmu.BatchCapacity);
        Assert.Equal(16, ShadowMmu.DefaultBatchCapacity);
    }
}
