using MmuDsl.Mmu.Events;
using MmuDsl.Mmu.Invariants;
using static MmuDsl.Mmu.Tests.TestTables;

namespace MmuDsl.Mmu.Tests;

/// <summary>
/// The claims of the review thread the project was born from
/// (docs/model.md#the-seeds-claims, where each claim is a checkable statement), one test each,
/// run under both algorithms, metadata asserted before and after.
/// </summary>
public sealed class SeedClaimTests
{
    /// <summary>Claim 1: the walk works with bits set and no unsync page below them.</summary>
    [Theory]
    [MemberData(nameof(BothAlgorithms), MemberType = typeof(TestTables))]
    public void Walk_FalsePositiveBitsNothingUnsyncBelow_ClearsThemAndSyncsNothing(string algorithm)
    {
        // R (L3): [0]-> Pa [0]-> L, where L (also under root R2) was synced through R2: a clean
        //         child; [1]-> Pb [4]-> M, where M was zapped: a not-present spte; [2] a large
        //         leaf over the stale bit Pc (zapped) left.
        var mmu = New(algorithm);
        var r = mmu.CreateRoot("R", 3);
        var r2 = mmu.CreateRoot("R2", 2);
        var pa = mmu.CreatePage("Pa", 2);
        var pb = mmu.CreatePage("Pb", 2);
        var pc = mmu.CreatePage("Pc", 2);
        var l = mmu.CreatePage("L", 1);
        var m = mmu.CreatePage("M", 1);
        var n = mmu.CreatePage("N", 1);
        mmu.Link(r, 0, pa);
        mmu.Link(pa, 0, l);
        mmu.Link(r2, 0, l);
        mmu.Link(r, 1, pb);
        mmu.Link(pb, 4, m);
        mmu.Link(r, 2, pc);
        mmu.Link(pc, 1, n);
        mmu.Unsync(l);
        mmu.Unsync(m);
        mmu.Unsync(n);
        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(r2));
        mmu.Zap(m);
        mmu.Zap(pc);
        mmu.MapLarge(r, 2);

        Assert.Equal(0, mmu.Stats.Unsync);
        Assert.DoesNotContain(mmu.Pages, p => p.Unsync);
        Assert.Equal([0, 1, 2], Bits(r));
        Assert.Equal(3, r.UnsyncChildren);
        Assert.Equal([0], Bits(pa));
        Assert.Equal([4], Bits(pb));
        Assert.Empty(InvariantChecker.Check(mmu));
        long syncs = mmu.Stats.Syncs;
        long walks = mmu.Stats.Walks;
        long visits = mmu.Stats.Visits;
        var trace = EventTrace.Attach(mmu);

        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(r));

        // One walk returning 0, the same under both algorithms: R[0] -> Pa batched, Pa[0] clean
        // child cleared, Pa empty so R[0] cleared; R[1] -> Pb batched, Pb[4] not present cleared,
        // R[1] cleared; R[2] large cleared. 5 visits, no batch synced, no WARN.
        Assert.Equal(
            [
                "sync-children R",
                "walk R = 0 [R Pa@0 Pb@1]",
                "clear Pa[0] by Walk", "clear R[0] by Walk", "clear Pb[4] by Walk", "clear R[1] by Walk", "clear R[2] by Walk", "end R Done after 0",
            ],
            trace.Lines());
        Assert.Empty(Bits(r));
        Assert.Equal(0, r.UnsyncChildren);
        Assert.Empty(Bits(pa));
        Assert.Empty(Bits(pb));
        Assert.Equal(syncs, mmu.Stats.Syncs);
        Assert.Equal(walks + 1, mmu.Stats.Walks);
        Assert.Equal(visits + 5, mmu.Stats.Visits);
        Assert.Empty(mmu.Warnings);
        Assert.Empty(InvariantChecker.Check(mmu));
    }

    /// <summary>
    /// Claim 2: such stale bits arise when an unsync page is synced or zapped through another
    /// root (two roots sharing a page).
    /// </summary>
    [Theory]
    [InlineData("legacy", "sync")]
    [InlineData("legacy", "zap")]
    [InlineData("recursive", "sync")]
    [InlineData("recursive", "zap")]
    public void SyncOrZapThroughOtherRoot_SharedUnsyncPage_LeavesStaleBitsInThisRoot(string algorithm, string how)
    {
        // R1 (L3) [0]-> P2 and R2 (L3) [5]-> P2 share P2; P2 [1]-> L.
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

        var outcome = how == "sync" ? mmu.SyncChildren(r1) : mmu.ZapUnsyncChildren(r1);

        Assert.Equal(SyncOutcome.Done, outcome);
        Assert.False(l.Unsync);
        Assert.Equal(how == "zap", l.Zapped);
        Assert.Equal(how == "sync" ? 1 : 0, mmu.Stats.Syncs);
        Assert.Equal(how == "zap" ? 1 : 0, mmu.Stats.Zaps);
        Assert.Empty(Bits(r1));
        Assert.Empty(Bits(p2));
        Assert.Equal(0, p2.UnsyncChildren);

        // R2's bit 5 now says "something below may be unsync" over P2, which is clean.
        Assert.Equal([5], Bits(r2));
        Assert.Equal(1, r2.UnsyncChildren);
        Assert.False(p2.Unsync);
        Assert.Empty(InvariantChecker.Check(mmu));

        // And claim 1 takes care of it: R2's next sync clears it by walking.
        var trace = EventTrace.Attach(mmu);
        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(r2));
        Assert.Equal(["clear R2[5] by Walk"], trace.ClearLines());
        Assert.Empty(trace.Lines<PageSynced>());
        Assert.Empty(Bits(r2));
    }

    /// <summary>
    /// Claim 3: <c>mmu_pages_clear_parents</c> never updates the parents of @parent. Pinned by the
    /// note in ShadowMmu.Walk.cs.
    /// </summary>
    [Theory]
    [MemberData(nameof(BothAlgorithms), MemberType = typeof(TestTables))]
    public void ClearParents_NeverTouchesParentsOfParent(string algorithm)
    {
        // R (L4) [0]-> P3 and Rb (L4) [3]-> P3; P3 [1]-> P2 [2]-> L. We sync P3, the middle.
        var mmu = New(algorithm);
        var r = mmu.CreateRoot("R", 4);
        var rb = mmu.CreateRoot("Rb", 4);
        var p3 = mmu.CreatePage("P3", 3);
        var p2 = mmu.CreatePage("P2", 2);
        var l = mmu.CreatePage("L", 1);
        mmu.Link(r, 0, p3);
        mmu.Link(rb, 3, p3);
        mmu.Link(p3, 1, p2);
        mmu.Link(p2, 2, l);

        // A first sync through R leaves R on legacy's path (mmu_page_path) above P3's level, so
        // only the sentinel can stop the climb below R on the next sync.
        mmu.Unsync(l);
        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(r));
        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(rb));
        mmu.Unsync(l);
        Assert.Equal([0], Bits(r));
        Assert.Equal([3], Bits(rb));
        Assert.Equal([1], Bits(p3));
        Assert.Equal([2], Bits(p2));
        var trace = EventTrace.Attach(mmu);

        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(p3));

        // Legacy's climb: P2[2] (P2 empties), P3[1] (P3 empties), then the sentinel above the
        // walk's root P3 stops it. Recursive's second walk clears the same two bits.
        var by = algorithm == "legacy" ? BitClearer.ClearParents : BitClearer.Walk;
        Assert.Equal([$"clear P2[2] by {by}", $"clear P3[1] by {by}"], trace.ClearLines());
        Assert.DoesNotContain(trace.Clears, c => c.Page == r || c.Page == rb);
        Assert.Empty(Bits(p3));
        Assert.Empty(Bits(p2));
        Assert.Equal([0], Bits(r));
        Assert.Equal(1, r.UnsyncChildren);
        Assert.Equal([3], Bits(rb));
        Assert.Equal(1, rb.UnsyncChildren);
        Assert.False(l.Unsync);
        Assert.Empty(InvariantChecker.Check(mmu));
    }

    /// <summary>
    /// Claim 4: @parent itself ends clean under both algorithms because the sync loop walks again
    /// until a walk returns 0; "the next call" that clears the bits is that very next walk.
    /// </summary>
    [Theory]
    [MemberData(nameof(BothAlgorithms), MemberType = typeof(TestTables))]
    public void SyncChildren_UnsyncBelowParent_ParentEndsCleanByTheLoopsNextWalk(string algorithm)
    {
        var (mmu, r, p3, p2, l) = Chain(algorithm);
        mmu.Unsync(l);
        Assert.Equal([0], Bits(r));
        Assert.Equal([1], Bits(p3));
        Assert.Equal([2], Bits(p2));

        // Tag each cleared bit with the walk that had started when it was cleared
        // (stat.walks counts a walk as it starts): 1 while batch 1 is processed, 2 inside walk 2.
        var clears = new List<(long Walk, string Line)>();
        var trace = EventTrace.Attach(mmu);
        mmu.Observer = e =>
        {
            trace.Events.Add(e);
            if (e is UnsyncBitCleared c)
            {
                clears.Add((mmu.Stats.Walks, EventTrace.Format(c)));
            }
        };

        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(r));

        Assert.Equal(2, trace.Walks.Count);
        Assert.Equal("walk R = 1 [R P3@0 P2@1 L@2]", EventTrace.Format(trace.Walks[0]));
        Assert.Equal("end R Done after 1", Assert.Single(trace.Lines<SyncFinished>()));
        if (algorithm == "legacy")
        {
            // Cleared after walk 1, while its batch is processed (after L's sync), bottom-up by
            // mmu_pages_clear_parents; walk 2 finds R clean and batches nothing.
            Assert.Equal(
                [(1L, "clear P2[2] by ClearParents"), (1L, "clear P3[1] by ClearParents"), (1L, "clear R[0] by ClearParents")],
                clears);
            Assert.Equal("walk R = 0 []", EventTrace.Format(trace.Walks[1]));
        }
        else
        {
            // Nothing cleared while batch 1 was processed: the bits survive L's sync, and the
            // second walk of this same loop clears them as it returns from the clean subtree.
            Assert.Equal([(2L, "clear P2[2] by Walk"), (2L, "clear P3[1] by Walk"), (2L, "clear R[0] by Walk")], clears);
            Assert.Equal("walk R = 0 [R P3@0 P2@1]", EventTrace.Format(trace.Walks[1]));
            int synced = trace.Lines().IndexOf("sync L");
            int firstClear = trace.Lines().IndexOf("clear P2[2] by Walk");
            int secondWalk = trace.Lines().IndexOf("walk R = 0 [R P3@0 P2@1]");
            // The clears happened during walk 2 (the counter above says so); a walk's own events
            // are reported right after it.
            Assert.True(synced < secondWalk && secondWalk < firstClear, string.Join(" | ", trace.Lines()));
        }

        Assert.Empty(Bits(r));
        Assert.Equal(0, r.UnsyncChildren);
        Assert.Empty(Bits(p3));
        Assert.Empty(Bits(p2));
        Assert.Empty(InvariantChecker.Check(mmu));
        Assert.Empty(mmu.SyncPostconditionViolations);
    }

    /// <summary>
    /// Claim 5: removing the bottom-up clearing changes no final outcome (a "glorified nop");
    /// it changes the intermediate metadata and the work the walks do.
    /// </summary>
    [Theory]
    [InlineData("legacy", 4, 42, 3)]
    [InlineData("recursive", 5, 82, 4)]
    public void SyncChildren_EitherAlgorithm_SameFinalStateDifferentWork(string algorithm, int walks, int visits, int batches)
    {
        // Comb of 20: R (L3) [i]-> Pi [0]-> Li, i in 0..19, every Li unsync. A batch holds R and
        // then two entries per leaf.
        // Legacy: walk 1 [R P0 L0 .. P6 L6 P7] full at P7: 7 leaves, 8 + 7 = 15 visits.
        //   Walk 2 resumes at R[7]: [R P7 L7 .. P13 L13 P14], 7 leaves, 15 visits.
        //   Walk 3: [R P14 L14 .. P19 L19], 6 leaves, 12 visits. Walk 4: R clean, 0 visits.
        //   4 walks, 3 batches, 42 visits.
        // Recursive: walk 1 as legacy (15). Walk 2 re-batches the 7 clean P0..P6 (clearing them,
        //   14 visits), then P7 L7 .. P10 L10: full at L10 (8 visits): 4 leaves, 22 visits.
        //   Walk 3: clean P7..P10 (8 visits), P11 L11 .. P15 L15, then P16 fills it (11 visits):
        //   5 leaves, 19. Walk 4: clean P11..P15 (10), P16 L16 .. P19 L19 (8): 4 leaves, 18.
        //   Walk 5: clean P16..P19 (8 visits), returns 0. 5 walks, 4 batches, 82 visits.
        var (mmu, r, mids, leaves) = Comb(algorithm, 20);
        var (other, otherRoot, _, _) = Comb(Other(algorithm), 20);
        Assert.Equal(Enumerable.Range(0, 20), Bits(r));
        Assert.All(mids, p => Assert.Equal([0], Bits(p)));
        var trace = EventTrace.Attach(mmu);

        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(r));
        Assert.Equal(SyncOutcome.Done, other.SyncChildren(otherRoot));

        var mine = MmuSnapshot.Capture(mmu);
        var theirs = MmuSnapshot.Capture(other);
        Assert.Null(mine.FirstSemanticDifference(theirs));
        Assert.Null(mine.FirstMetadataDifference(theirs));
        Assert.Null(StateAssert.FirstStructureDifference(mine, theirs));
        Assert.Equal(mine.Stats.Unsync, theirs.Stats.Unsync);
        Assert.Equal(mine.Stats.Syncs, theirs.Stats.Syncs);
        Assert.Empty(Bits(r));
        Assert.All(mids, p => Assert.Empty(Bits(p)));
        Assert.All(leaves, l => Assert.Equal(1, l.Syncs));
        Assert.Equal(20, mmu.Stats.Syncs);

        Assert.Equal(walks, mmu.Stats.Walks);
        Assert.Equal(visits, mmu.Stats.Visits);
        Assert.Equal(walks, trace.Walks.Count);
        Assert.Equal($"end R Done after {batches}", Assert.Single(trace.Lines<SyncFinished>()));
        Assert.NotEqual(mine.Stats.Walks, theirs.Stats.Walks);
        Assert.NotEqual(mine.Stats.Visits, theirs.Stats.Visits);
        Assert.Empty(InvariantChecker.Check(mmu));
    }
}
