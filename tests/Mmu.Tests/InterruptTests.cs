using MmuDsl.Mmu.Invariants;
using static MmuDsl.Mmu.Tests.TestTables;

namespace MmuDsl.Mmu.Tests;

/// <summary>
/// <c>need_resched</c> without permission to yield: the sync returns -EINTR after the given
/// number of batches, leaving the metadata as that batch left it: legacy has cleared the paths
/// of the synced pages bottom-up, recursive has cleared nothing yet.
/// </summary>
public sealed class InterruptTests
{
    [Theory]
    [MemberData(nameof(BothAlgorithms), MemberType = typeof(TestTables))]
    public void SyncChildren_InterruptAfterOneOfSeveralBatches_Interrupted_RestStaysUnsync(string algorithm)
    {
        // Comb of 10: batch 1 is [R, P0, L0, ..., P6, L6, P7] (full at P7), so L0..L6 are synced
        // and L7..L9 are left for later.
        var (mmu, r, mids, leaves) = Comb(algorithm, 10);
        var trace = EventTrace.Attach(mmu);

        Assert.Equal(SyncOutcome.Interrupted, mmu.SyncChildren(r, interruptAfterBatches: 1));

        Assert.Equal(1, mmu.Stats.Interrupted);
        Assert.Equal(1, mmu.Stats.Walks);
        Assert.Equal("end R Interrupted after 1", Assert.Single(trace.Lines<Events.SyncFinished>()));
        Assert.All(leaves.Take(7), l => Assert.False(l.Unsync));
        Assert.All(leaves.Skip(7), l => Assert.True(l.Unsync));
        Assert.Equal(3, mmu.Stats.Unsync);
        Assert.Equal(7, mmu.Stats.Syncs);
        if (algorithm == "legacy")
        {
            // mmu_pages_clear_parents after each Li: Pi[0], then R[i] (Pi's count reached 0);
            // R's count stays above 0, so the climb stops there.
            Assert.Equal([7, 8, 9], Bits(r));
            Assert.Equal(3, r.UnsyncChildren);
            Assert.All(mids.Take(7), p => Assert.Empty(Bits(p)));
            Assert.Equal(14, trace.Clears.Count);
            Assert.All(trace.Clears, c => Assert.Equal(Events.BitClearer.ClearParents, c.By));
        }
        else
        {
            // Nothing cleared: the bits are left to the next walk, which never came.
            Assert.Equal(Enumerable.Range(0, 10), Bits(r));
            Assert.Equal(10, r.UnsyncChildren);
            Assert.All(mids.Take(7), p => Assert.Equal([0], Bits(p)));
            Assert.Empty(trace.Clears);
        }

        Assert.All(mids.Skip(7), p => Assert.Equal([0], Bits(p)));
        Assert.Empty(mmu.Warnings);
        Assert.Empty(InvariantChecker.Check(mmu));
    }

    [Fact]
    public void SyncChildren_InterruptedAfterOneBatch_AlgorithmsAgreeOnSemanticsDifferInMetadata()
    {
        var (legacy, _, _, _) = Comb("legacy", 10);
        var (recursive, _, _, _) = Comb("recursive", 10);

        Assert.Equal(SyncOutcome.Interrupted, legacy.SyncChildren(legacy.Page("R"), 1));
        Assert.Equal(SyncOutcome.Interrupted, recursive.SyncChildren(recursive.Page("R"), 1));

        // The first batch is the same under both (they start from the same metadata); only the
        // clearing after it differs, and it differs first at R (page order: R, P0, L0, ...).
        var a = MmuSnapshot.Capture(legacy);
        var b = MmuSnapshot.Capture(recursive);
        Assert.Null(a.FirstSemanticDifference(b));
        Assert.Null(StateAssert.FirstStructureDifference(a, b));
        string? metadata = a.FirstMetadataDifference(b);
        Assert.NotNull(metadata);
        Assert.StartsWith("R.", metadata, StringComparison.Ordinal);
        Assert.Equal([7, 8, 9], Bits(legacy.Page("R")));
        Assert.Equal(Enumerable.Range(0, 10), Bits(recursive.Page("R")));
    }

    [Theory]
    [MemberData(nameof(BothAlgorithms), MemberType = typeof(TestTables))]
    public void SyncChildren_ResumedAfterInterrupt_CompletesToSameStateUnderBoth(string algorithm)
    {
        var (mmu, r, mids, leaves) = Comb(algorithm, 10);
        Assert.Equal(SyncOutcome.Interrupted, mmu.SyncChildren(r, 1));
        var trace = EventTrace.Attach(mmu);

        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(r));

        // Legacy resumes at R[7]: [R P7 L7 P8 L8 P9 L9], then a walk of a clean R.
        // Recursive first re-walks P0..P6 (each batched, found clean, cleared).
        Assert.Equal(
            algorithm == "legacy"
                ? "walk R = 3 [R P7@7 L7@0 P8@8 L8@0 P9@9 L9@0]"
                : "walk R = 3 [R P0@0 P1@1 P2@2 P3@3 P4@4 P5@5 P6@6 P7@7 L7@0 P8@8 L8@0 P9@9 L9@0]",
            EventTrace.Format(trace.Walks[0]));
        Assert.Equal(2, trace.Walks.Count);
        Assert.All(leaves, l => Assert.Equal(1, l.Syncs));
        Assert.Equal(0, mmu.Stats.Unsync);
        Assert.Equal(1, mmu.Stats.Interrupted);
        Assert.Empty(Bits(r));
        Assert.All(mids, p => Assert.Empty(Bits(p)));
        Assert.Empty(InvariantChecker.Check(mmu));

        var (other, otherRoot, _, _) = Comb(Other(algorithm), 10);
        other.SyncChildren(otherRoot, 1);
        other.SyncChildren(otherRoot);
        var mine = MmuSnapshot.Capture(mmu);
        var theirs = MmuSnapshot.Capture(other);
        Assert.Null(mine.FirstSemanticDifference(theirs));
        Assert.Null(mine.FirstMetadataDifference(theirs));
        Assert.Null(StateAssert.FirstStructureDifference(mine, theirs));
    }

    [Theory]
    [MemberData(nameof(BothAlgorithms), MemberType = typeof(TestTables))]
    public void SyncChildren_InterruptAfterTheOnlyBatch_StillInterrupted(string algorithm)
    {
        // need_resched is looked at after each batch, before the walk that would return 0: a
        // sync whose single batch synced everything still returns -EINTR. Legacy has cleaned R
        // already; recursive leaves R's bits to the next sync.
        var (mmu, r, leaves) = Fan(algorithm, 3);

        Assert.Equal(SyncOutcome.Interrupted, mmu.SyncChildren(r, 1));

        Assert.Equal(1, mmu.Stats.Interrupted);
        Assert.Equal(1, mmu.Stats.Walks);
        Assert.Equal(0, mmu.Stats.Unsync);
        Assert.All(leaves, l => Assert.False(l.Unsync));
        Assert.Equal(algorithm == "legacy" ? [] : [0, 1, 2], Bits(r));
        Assert.Empty(InvariantChecker.Check(mmu));
        Assert.Empty(mmu.SyncPostconditionViolations);
    }

    [Theory]
    [MemberData(nameof(BothAlgorithms), MemberType = typeof(TestTables))]
    public void SyncChildren_InterruptAfterButNothingToSync_Done(string algorithm)
    {
        var (mmu, r, _, _, l) = Chain(algorithm);
        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(r, 1));
        Assert.Equal(0, mmu.Stats.Interrupted);
        Assert.Equal(1, mmu.Stats.Walks);
        Assert.False(l.Unsync);
    }

    [Theory]
    [MemberData(nameof(BothAlgorithms), MemberType = typeof(TestTables))]
    public void SyncChildren_InterruptAfterMoreBatchesThanNeeded_Done(string algorithm)
    {
        var (mmu, r, _, leaves) = Comb(algorithm, 10);
        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(r, 3));
        Assert.Equal(0, mmu.Stats.Interrupted);
        Assert.All(leaves, l => Assert.False(l.Unsync));
        Assert.Empty(Bits(r));
    }

    [Fact]
    public void SyncChildren_InterruptedTwice_AlgorithmsSyncDifferentPages_StructureCanDiverge()
    {
        // Comb of 20, interrupt after 2 batches, L12 set to fail its next sync.
        // Legacy: batch 1 syncs L0..L6 (full at P7), batch 2 [R P7 L7 .. P13 L13 P14] syncs
        // L7..L13, so L12 fails and is zapped.
        // Recursive: batch 2 starts with the 7 clean P0..P6, [R P0..P6 P7 L7 P8 L8 P9 L9 P10
        // L10] (full at L10), so only L7..L10 are synced; L12 is neither synced nor zapped.
        // After an interrupted sync the two engines no longer have the same structure (P12's
        // spte 0 exists in one only), so an operation chosen from one engine's state can be
        // invalid in the other.
        var (legacy, lr, lmids, lleaves) = Comb("legacy", 20);
        var (recursive, rr, rmids, rleaves) = Comb("recursive", 20);
        legacy.FailNextSync(lleaves[12]);
        recursive.FailNextSync(rleaves[12]);

        Assert.Equal(SyncOutcome.Interrupted, legacy.SyncChildren(lr, 2));
        Assert.Equal(SyncOutcome.Interrupted, recursive.SyncChildren(rr, 2));

        Assert.Equal(14, legacy.Stats.Syncs);
        Assert.Equal(11, recursive.Stats.Syncs);
        Assert.Equal(20 - 14, legacy.Stats.Unsync);
        Assert.Equal(20 - 11, recursive.Stats.Unsync);
        Assert.True(lleaves[12].Zapped);
        Assert.False(rleaves[12].Zapped);
        Assert.True(rleaves[12].Unsync);
        Assert.Equal(SpteKind.None, lmids[12].SpteAt(0).Kind);
        Assert.Equal(SpteKind.Link, rmids[12].SpteAt(0).Kind);
        var a = MmuSnapshot.Capture(legacy);
        var b = MmuSnapshot.Capture(recursive);
        Assert.StartsWith("L11.", a.FirstSemanticDifference(b), StringComparison.Ordinal);
        Assert.Equal("P12.sptes: {} against {0:L12}", StateAssert.FirstStructureDifference(a, b));

        // A link chosen from legacy's state (P12[0] is free there) is refused by recursive.
        var n1 = legacy.CreatePage("N", 1);
        var n2 = recursive.CreatePage("N", 1);
        legacy.Link(lmids[12], 0, n1);
        Assert.Equal(MmuErrorKind.SlotOccupied, Assert.Throws<MmuException>(() => recursive.Link(rmids[12], 0, n2)).Kind);

        Assert.Empty(InvariantChecker.Check(legacy));
        Assert.Empty(InvariantChecker.Check(recursive));
        Assert.Empty(legacy.Warnings);
        Assert.Empty(recursive.Warnings);
    }

    [Fact]
    public void ZapUnsyncChildren_AfterInterruptedSync_ZapsDifferentPagesPerAlgorithm()
    {
        // Even without a failing sync, what an interrupted sync left unsync differs, and a zap
        // of the unsync children then zaps different pages (L11..L13 are unsync only under
        // recursive).
        var (legacy, lr, _, lleaves) = Comb("legacy", 20);
        var (recursive, rr, _, rleaves) = Comb("recursive", 20);
        legacy.SyncChildren(lr, 2);
        recursive.SyncChildren(rr, 2);

        Assert.Equal(SyncOutcome.Done, legacy.ZapUnsyncChildren(lr));
        Assert.Equal(SyncOutcome.Done, recursive.ZapUnsyncChildren(rr));

        Assert.Equal(6, legacy.Stats.Zaps);
        Assert.Equal(9, recursive.Stats.Zaps);
        Assert.Equal([14, 15, 16, 17, 18, 19], lleaves.Where(l => l.Zapped).Select(l => int.Parse(l.Name[1..], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal([11, 12, 13, 14, 15, 16, 17, 18, 19], rleaves.Where(l => l.Zapped).Select(l => int.Parse(l.Name[1..], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(0, legacy.Stats.Unsync);
        Assert.Equal(0, recursive.Stats.Unsync);
        Assert.Empty(InvariantChecker.Check(legacy));
        Assert.Empty(InvariantChecker.Check(recursive));
    }
}
