using MmuDsl.Mmu.Events;
using MmuDsl.Mmu.Invariants;
using static MmuDsl.Mmu.Tests.TestTables;

namespace MmuDsl.Mmu.Tests;

/// <summary>
/// Issue 10, the engine's part: the model's moves are the kernel's. <c>link_shadow_page</c>'s 6.3
/// WARN (counted, not a warning); the fault path's link (<c>FNAME(fetch)</c>: sync the child
/// first, retry without linking on -EINTR); unsync per gfn (<c>mmu_try_to_unsync_pages</c>: every
/// level-1 page of the gfn, refused while a page above level 1 shadows it); roles; a page made
/// above level 1 zaps the unsync level-1 pages of its gfn (<c>kvm_mmu_get_shadow_page</c>); the
/// yield point of <c>mmu_sync_children(can_yield = true)</c>. Every expected number is worked
/// out by hand in the comment above it (the same tables as scenarios/kernel/).
/// </summary>
public sealed class KernelFidelityTests
{
    // ---- link_shadow_page: the 6.3 WARN --------------------------------------------------

    [Theory]
    [MemberData(nameof(AllAlgorithms), MemberType = typeof(TestTables))]
    public void Link_ChildWithUnsyncChildren_LinksMarksAndCountsEveryTime_ButIsNoWarning(string algorithm)
    {
        // Q [3]-> L, L unsync: Q {3}. Linking Q below P marks P[1] (0 -> 1) and counts; linking P
        // below R marks R[0] and counts again (the kernel WARNs once per boot; the engine counts
        // each). An unsync leaf (no unsync children) is not counted.
        var mmu = New(algorithm);
        var r = mmu.CreateRoot("R", 4);
        var p = mmu.CreatePage("P", 3);
        var q = mmu.CreatePage("Q", 2);
        var l = mmu.CreatePage("L", 1);
        var l2 = mmu.CreatePage("L2", 1);
        mmu.Link(q, 3, l);
        mmu.Unsync(l);
        mmu.Unsync(l2);
        var trace = EventTrace.Attach(mmu);

        mmu.Link(p, 1, q);
        mmu.Link(r, 0, p);
        mmu.Link(q, 4, l2);

        Assert.Equal(
            [
                "set P[1] -> Q", "mark P[1]", "warn-link P[1] -> Q (1)",
                "set R[0] -> P", "mark R[0]", "warn-link R[0] -> P (1)",
                "set Q[4] -> L2", "mark Q[4]",
            ],
            trace.Lines());
        Assert.Equal(2, mmu.Stats.LinkUnsyncChildren);
        Assert.Equal(0, mmu.Stats.Warnings);
        Assert.Empty(mmu.Warnings);
        Assert.Equal([0], Bits(r));
        Assert.Equal([1], Bits(p));
        Assert.Equal([3, 4], Bits(q));
        Assert.Empty(InvariantChecker.Check(mmu));
    }

    [Fact]
    public void Link_ChildWhoseOnlyBitIsStale_StillCounts()
    {
        // The kernel's WARN reads unsync_children, not what is below: Q2 {0} over an spte whose
        // leaf was zapped (the bit stays, stale) is counted when linked.
        var mmu = New("legacy");
        var p = mmu.CreatePage("P", 3);
        var q2 = mmu.CreatePage("Q2", 2);
        var l = mmu.CreatePage("L", 1);
        mmu.Link(q2, 0, l);
        mmu.Unsync(l);
        mmu.Zap(l);
        Assert.Equal([0], Bits(q2));
        Assert.Equal(0, mmu.Stats.Unsync);

        mmu.Link(p, 2, q2);

        Assert.Equal(1, mmu.Stats.LinkUnsyncChildren);
        Assert.Equal([2], Bits(p));
        Assert.Empty(mmu.Warnings);
    }

    // ---- FNAME(fetch): link via the fault path -----------------------------------------

    /// <summary>
    /// R (L3) [0]-> M [0]-> LM, LM unsync (R {0}, M {0}); Q (L2), linked nowhere, [i]-> Li for
    /// i = 0..2, all unsync (Q {0,1,2}).
    /// </summary>
    private static (ShadowMmu Mmu, ShadowPage R, ShadowPage Q, ShadowPage[] Leaves) FetchTable(string algorithm)
    {
        var mmu = New(algorithm);
        var r = mmu.CreateRoot("R", 3);
        var m = mmu.CreatePage("M", 2);
        var lm = mmu.CreatePage("LM", 1);
        mmu.Link(r, 0, m);
        mmu.Link(m, 0, lm);
        mmu.Unsync(lm);
        var q = mmu.CreatePage("Q", 2);
        var leaves = new ShadowPage[3];
        for (int i = 0; i < 3; i++)
        {
            leaves[i] = mmu.CreatePage($"L{i}", 1);
            mmu.Link(q, i, leaves[i]);
            mmu.Unsync(leaves[i]);
        }

        return (mmu, r, q, leaves);
    }

    [Theory]
    [MemberData(nameof(AllAlgorithms), MemberType = typeof(TestTables))]
    public void Fetch_SyncInterrupted_NothingLinked_ParentUnchanged_RetryCounted_ChildPartlySynced(string algorithm)
    {
        // Capacity 2, need_resched after 1 batch of the sync of Q:
        // legacy: walk [Q L0@0] (full: -ENOSPC), 1 visit; L0 synced; Q[0] cleared by
        //   mmu_pages_clear_parents: Q {1,2}.
        // recursive: the same walk and sync; nothing cleared: Q {0,1,2} (bit 0 stale).
        // eager: walk Q[0] (L0, cleared), Q[1] (L1: full, kept): [L0 L1], 2 visits; both synced:
        //   Q {1,2} (bit 1 stale).
        // Then -EINTR: RET_PF_RETRY. R, M and LM are exactly as before.
        var (mmu, r, q, leaves) = FetchTable(algorithm);
        mmu.BatchCapacity = 2;
        var before = MmuSnapshot.Capture(mmu);
        var trace = EventTrace.Attach(mmu);

        Assert.Equal(FetchOutcome.Retried, mmu.Fetch(r, 4, q, interruptAfterBatches: 1));

        var (walk, bits, unsyncLeaves, visits) = algorithm switch
        {
            "legacy" => ("walk Q = ENOSPC [Q L0@0]", new[] { 1, 2 }, new[] { false, true, true }, 1),
            "recursive" => ("walk Q = ENOSPC [Q L0@0]", new[] { 0, 1, 2 }, new[] { false, true, true }, 1),
            _ => ("walk Q = ENOSPC [L0 L1]", new[] { 1, 2 }, new[] { false, false, true }, 2),
        };
        var lines = trace.Lines();
        Assert.Equal("sync-children Q", lines[0]);
        Assert.Equal(walk, lines[1]);
        Assert.Equal(["end Q Interrupted after 1", "retry R[4] -> Q"], lines[^2..]);
        Assert.Empty(trace.Events.OfType<SpteSet>());

        // Nothing linked: R's spte 4 is empty, its bitmap and count are untouched; Q has no parent.
        Assert.False(r.IsPresent(4));
        Assert.Equal([0], Bits(r));
        Assert.Equal(1, r.UnsyncChildren);
        Assert.Equal(0, q.ParentCount);
        var after = MmuSnapshot.Capture(mmu);
        foreach (string name in new[] { "R", "M", "LM" })
        {
            Assert.Equal(before.Pages.Single(s => s.Name == name), after.Pages.Single(s => s.Name == name));
        }

        // The child, partly synced.
        Assert.Equal(bits, Bits(q));
        Assert.Equal(bits.Length, q.UnsyncChildren);
        Assert.Equal(unsyncLeaves, leaves.Select(l => l.Unsync));
        Assert.Equal(1 + unsyncLeaves.Count(u => u), mmu.Stats.Unsync);
        Assert.Equal(1, mmu.Stats.Retries);
        Assert.Equal(1, mmu.Stats.Interrupted);
        Assert.Equal(1, mmu.Stats.Walks);
        Assert.Equal(visits, mmu.Stats.Visits);
        Assert.Equal(0, mmu.Stats.LinkUnsyncChildren);
        Assert.Empty(mmu.Warnings);
        Assert.Empty(InvariantChecker.Check(mmu));

        // The retried fault, without need_resched, finishes the sync and links Q clean: R[4] is
        // not marked, and R keeps {0} for M.
        Assert.Equal(FetchOutcome.Linked, mmu.Fetch(r, 4, q));
        Assert.Equal(q, r.SpteAt(4).Child);
        Assert.Equal([0], Bits(r));
        Assert.Empty(Bits(q));
        Assert.All(leaves, l => Assert.False(l.Unsync));
        Assert.Equal(1, mmu.Stats.Unsync);
        Assert.Equal(1, mmu.Stats.Retries);
        Assert.Equal(0, mmu.Stats.LinkUnsyncChildren);
        Assert.Empty(InvariantChecker.Check(mmu));
    }

    [Theory]
    [MemberData(nameof(AllAlgorithms), MemberType = typeof(TestTables))]
    public void Fetch_ChildWithUnsyncChildren_SyncedFirst_ThenLinkedWithoutMark(string algorithm)
    {
        // Default capacity: one batch syncs L0..L2. legacy: walk 1 (3 visits), walk 2 (0);
        // recursive: walk 2 visits Q[0..2] again (6); eager: 3. Q clean, so R[4] is not marked.
        var (mmu, r, q, leaves) = FetchTable(algorithm);

        Assert.Equal(FetchOutcome.Linked, mmu.Fetch(r, 4, q));

        Assert.Equal(q, r.SpteAt(4).Child);
        Assert.Equal([0], Bits(r));
        Assert.All(leaves, l => Assert.Equal(1, l.Syncs));
        Assert.Equal(2, mmu.Stats.Walks);
        Assert.Equal(algorithm == "recursive" ? 6 : 3, mmu.Stats.Visits);
        Assert.Equal(0, mmu.Stats.Retries);
        Assert.Equal(0, mmu.Stats.Interrupted);
        Assert.Equal(0, mmu.Stats.LinkUnsyncChildren);
        Assert.Empty(InvariantChecker.Check(mmu));
    }

    [Theory]
    [MemberData(nameof(AllAlgorithms), MemberType = typeof(TestTables))]
    public void Fetch_UnsyncLeaf_LinkedAtOnceAndMarked_NoWalk(string algorithm)
    {
        // A level-1 page has no unsync children: no sync; the link marks M[3] (M 1 -> 2: stop).
        var (mmu, _, _, _) = FetchTable(algorithm);
        var m = mmu.Page("M");
        var f = mmu.CreatePage("F", 1);
        mmu.Unsync(f);

        Assert.Equal(FetchOutcome.Linked, mmu.Fetch(m, 3, f));

        Assert.Equal([0, 3], Bits(m));
        Assert.Equal(0, mmu.Stats.Walks);
        Assert.Equal(0, mmu.Stats.LinkUnsyncChildren);
        Assert.True(f.Unsync);
        Assert.Empty(InvariantChecker.Check(mmu));
    }

    [Fact]
    public void Fetch_ChecksEverythingBeforeSyncing()
    {
        // A present spte, a child of the wrong level and interrupt-after 0 are refused before the
        // child's sync starts: no walk, Q untouched.
        var (mmu, r, q, _) = FetchTable("legacy");
        var lm = mmu.Page("LM");

        Assert.Equal(MmuErrorKind.SlotOccupied, Assert.Throws<MmuException>(() => mmu.Fetch(r, 0, q)).Kind);
        Assert.Equal(MmuErrorKind.LevelMismatch, Assert.Throws<MmuException>(() => mmu.Fetch(r, 4, lm)).Kind);
        Assert.Equal(MmuErrorKind.BadArgument, Assert.Throws<MmuException>(() => mmu.Fetch(r, 4, q, interruptAfterBatches: 0)).Kind);

        Assert.Equal(0, mmu.Stats.Walks);
        Assert.Equal([0, 1, 2], Bits(q));
        Assert.Equal(0, q.ParentCount);
        Assert.Equal(0, mmu.Stats.Retries);
    }

    // ---- unsync per gfn: mmu_try_to_unsync_pages -----------------------------------------

    /// <summary>
    /// R (L4) [0]-> P; P [0]-> Q1, [1]-> Q2; A, B, C at gfn 0x40 (roles 0, 1, 2), D at 0x41;
    /// Q1 [0]-> A, [1]-> B, [5]-> D; Q2 [2]-> B, [3]-> C. B has two parents.
    /// </summary>
    private static ShadowMmu GfnTable(string algorithm)
    {
        var mmu = New(algorithm);
        var r = mmu.CreateRoot("R", 4);
        var p = mmu.CreatePage("P", 3);
        var q1 = mmu.CreatePage("Q1", 2);
        var q2 = mmu.CreatePage("Q2", 2);
        var a = mmu.CreatePage("A", 1, 0x40);
        var b = mmu.CreatePage("B", 1, 0x40, role: 1);
        var c = mmu.CreatePage("C", 1, 0x40, role: 2);
        var d = mmu.CreatePage("D", 1, 0x41);
        mmu.Link(r, 0, p);
        mmu.Link(p, 0, q1);
        mmu.Link(p, 1, q2);
        mmu.Link(q1, 0, a);
        mmu.Link(q1, 1, b);
        mmu.Link(q2, 2, b);
        mmu.Link(q2, 3, c);
        mmu.Link(q1, 5, d);
        return mmu;
    }

    [Theory]
    [MemberData(nameof(AllAlgorithms), MemberType = typeof(TestTables))]
    public void Unsync_GfnWithThreeLevel1Pages_OneUnderTwoParents_AllUnsyncAndEveryParentMarked(string algorithm)
    {
        // unsync A: A, B, C in creation order. A marks Q1[0] (0 -> 1), P[0] (0 -> 1), R[0]; B marks
        // Q1[1] (1 -> 2: stop), Q2[2] (0 -> 1), P[1] (1 -> 2: stop); C marks Q2[3] (1 -> 2: stop).
        var mmu = GfnTable(algorithm);
        var trace = EventTrace.Attach(mmu);

        Assert.Equal(UnsyncOutcome.Unsynced, mmu.Unsync(mmu.Page("A")));

        Assert.Equal(
            [
                "unsync A", "mark Q1[0]", "mark P[0]", "mark R[0]",
                "unsync B", "mark Q1[1]", "mark Q2[2]", "mark P[1]",
                "unsync C", "mark Q2[3]",
            ],
            trace.Lines());
        Assert.True(mmu.Page("A").Unsync && mmu.Page("B").Unsync && mmu.Page("C").Unsync);
        Assert.False(mmu.Page("D").Unsync);
        Assert.Equal(3, mmu.Stats.Unsync);
        Assert.Equal([0, 1], Bits(mmu.Page("Q1")));
        Assert.Equal([2, 3], Bits(mmu.Page("Q2")));
        Assert.Equal([0, 1], Bits(mmu.Page("P")));
        Assert.Equal([0], Bits(mmu.Page("R")));
        Assert.Empty(InvariantChecker.Check(mmu));

        // Any page of the gfn names it; all are unsync already: nothing happens.
        trace.Events.Clear();
        Assert.Equal(UnsyncOutcome.AlreadyUnsync, mmu.Unsync(mmu.Page("B")));
        Assert.Empty(trace.Events);

        // The sync: legacy walk 1 visits R[0] P[0] Q1[0] Q1[1] P[1] Q2[2] Q2[3] (7; B met twice,
        // batched once), walk 2 R[0] P[1] Q2[2] (3): 10; recursive's walk 2 revisits all 7: 14;
        // eager clears during walk 1, walk 2 returns 0: 7. B synced once.
        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(mmu.Page("R")));
        Assert.Equal(1, mmu.Page("B").Syncs);
        Assert.Equal(3, mmu.Stats.Syncs);
        Assert.Equal(2, mmu.Stats.Walks);
        Assert.Equal(algorithm switch { "legacy" => 10, "recursive" => 14, _ => 7 }, mmu.Stats.Visits);
        Assert.Equal(0, mmu.Stats.Unsync);
        Assert.Empty(mmu.Warnings);
        Assert.Empty(InvariantChecker.Check(mmu));
    }

    [Theory]
    [MemberData(nameof(AllAlgorithms), MemberType = typeof(TestTables))]
    public void Unsync_ZappedPageOfTheGfn_IsLeftOut(string algorithm)
    {
        // C zapped: unsync B makes A (made first) and B unsync, not C.
        var mmu = GfnTable(algorithm);
        mmu.Zap(mmu.Page("C"));
        var trace = EventTrace.Attach(mmu);

        Assert.Equal(UnsyncOutcome.Unsynced, mmu.Unsync(mmu.Page("B")));

        Assert.Equal(["unsync A", "unsync B"], trace.Lines<PageUnsynced>());
        Assert.False(mmu.Page("C").Unsync);
        Assert.Equal(2, mmu.Stats.Unsync);
        Assert.Empty(InvariantChecker.Check(mmu));
    }

    [Theory]
    [MemberData(nameof(AllAlgorithms), MemberType = typeof(TestTables))]
    public void Unsync_WriteTrackedGfn_Refused_NothingChangesButTheCounter(string algorithm)
    {
        // U (level 2) shadows gfn 0x40: the gfn is write-tracked, so unsync of any of A, B, C is
        // refused. The state is the same to the bit; only stat.unsync_refused grows.
        var mmu = GfnTable(algorithm);
        var u = mmu.CreatePage("U", 2, 0x40);
        var before = MmuSnapshot.Capture(mmu);
        var trace = EventTrace.Attach(mmu);

        Assert.Equal(UnsyncOutcome.Refused, mmu.Unsync(mmu.Page("B")));

        Assert.Equal(["refused B by U"], trace.Lines());
        var after = MmuSnapshot.Capture(mmu);
        Assert.True(before.Pages.SequenceEqual(after.Pages), StateAssert.FirstDifference(before, after));
        Assert.Equal(before.Stats with { UnsyncRefused = 1 }, after.Stats);

        // Refused again, counted again; then U zapped: no longer tracked, and all three go.
        Assert.Equal(UnsyncOutcome.Refused, mmu.Unsync(mmu.Page("A")));
        Assert.Equal(2, mmu.Stats.UnsyncRefused);
        mmu.Zap(u);
        Assert.Equal(UnsyncOutcome.Unsynced, mmu.Unsync(mmu.Page("A")));
        Assert.Equal(3, mmu.Stats.Unsync);
        Assert.Equal(2, mmu.Stats.UnsyncRefused);
        Assert.Empty(InvariantChecker.Check(mmu));
    }

    [Fact]
    public void Unsync_GfnShadowedByARoot_Refused()
    {
        var mmu = New("legacy");
        var l = mmu.CreatePage("L", 1, 7);
        mmu.CreateRoot("R", 4, 7);

        Assert.Equal(UnsyncOutcome.Refused, mmu.Unsync(l));
        Assert.False(l.Unsync);
    }

    // ---- roles --------------------------------------------------------------------------

    [Fact]
    public void Roles_GfnLevelRoleNamesOnePage_AnotherRoleOrLevelIsAnotherPage()
    {
        var mmu = New("legacy");
        var a = mmu.CreatePage("A", 1, 0x40);
        var b = mmu.CreatePage("B", 1, 0x40, role: 1);
        var u = mmu.CreatePage("U", 2, 0x40);
        var u1 = mmu.CreatePage("U1", 2, 0x40, role: 1);
        var r = mmu.CreateRoot("R", 4, 0x40, role: 3);
        Assert.Equal([0, 1, 0, 1, 3], new[] { a, b, u, u1, r }.Select(p => p.Role));
        Assert.All(new[] { a, b, u, u1, r }, p => Assert.Equal(0x40, p.Gfn));

        var same = Assert.Throws<MmuException>(() => mmu.CreatePage("C", 1, 0x40, role: 1));
        Assert.Equal(MmuErrorKind.DuplicateGfn, same.Kind);
        Assert.Contains("'B'", same.Message, StringComparison.Ordinal);
        Assert.Contains("role 1", same.Message, StringComparison.Ordinal);
        Assert.Equal(MmuErrorKind.DuplicateGfn, Assert.Throws<MmuException>(() => mmu.CreatePage("A2", 1, 0x40)).Kind);

        // A zapped page keeps its identity (as it keeps its name).
        mmu.Zap(b);
        Assert.Equal(MmuErrorKind.DuplicateGfn, Assert.Throws<MmuException>(() => mmu.CreatePage("B2", 1, 0x40, role: 1)).Kind);

        var negative = Assert.Throws<MmuException>(() => mmu.CreatePage("N", 1, 0x41, role: -1));
        Assert.Equal(MmuErrorKind.BadArgument, negative.Kind);
        Assert.Null(mmu.FindPage("N"));
        Assert.Equal(MmuErrorKind.BadArgument, Assert.Throws<MmuException>(() => mmu.CreateRoot("N", 4, role: -1)).Kind);
    }

    [Fact]
    public void Roles_SurviveAClone_AndTheCloneUnsyncsPerGfn()
    {
        var mmu = GfnTable("legacy");
        var copy = mmu.Clone();

        Assert.Equal(mmu.Pages.Select(p => (p.Name, p.Gfn, p.Role)), copy.Pages.Select(p => (p.Name, p.Gfn, p.Role)));
        Assert.Equal(UnsyncOutcome.Unsynced, copy.Unsync(copy.Page("C")));
        Assert.Equal(3, copy.Stats.Unsync);
        Assert.Equal(0, mmu.Stats.Unsync);
        Assert.Equal(MmuErrorKind.DuplicateGfn, Assert.Throws<MmuException>(() => copy.CreatePage("B2", 1, 0x40, role: 1)).Kind);
    }

    // ---- kvm_mmu_get_shadow_page: a page above level 1 zaps unsync leaves of its gfn --------

    [Theory]
    [MemberData(nameof(AllAlgorithms), MemberType = typeof(TestTables))]
    public void CreateUpperPage_ZapsTheUnsyncLevel1PagesOfItsGfn_OnlyThose(string algorithm)
    {
        // R (L4) [0]-> P [0]-> Q; Q [0]-> A (0x50), [1]-> B (0x50, role 1), [2]-> C (0x60),
        // [3]-> D (0x50, role 2, made after the unsync: sync). unsync A (A, B), unsync C.
        // N (L2, gfn 0x50): A then B zapped (parent pte dropped, bit left stale); D and C stay.
        var mmu = New(algorithm);
        var r = mmu.CreateRoot("R", 4);
        var p = mmu.CreatePage("P", 3);
        var q = mmu.CreatePage("Q", 2);
        var a = mmu.CreatePage("A", 1, 0x50);
        var b = mmu.CreatePage("B", 1, 0x50, role: 1);
        var c = mmu.CreatePage("C", 1, 0x60);
        mmu.Link(r, 0, p);
        mmu.Link(p, 0, q);
        mmu.Link(q, 0, a);
        mmu.Link(q, 1, b);
        mmu.Link(q, 2, c);
        mmu.Unsync(a);
        mmu.Unsync(c);
        var d = mmu.CreatePage("D", 1, 0x50, role: 2);
        mmu.Link(q, 3, d);
        Assert.Equal(3, mmu.Stats.Unsync);

        // A level-1 page of a gfn with unsync pages zaps nothing.
        var trace = EventTrace.Attach(mmu);
        mmu.CreatePage("E", 1, 0x60, role: 1);
        Assert.Empty(trace.Events);

        var n = mmu.CreatePage("N", 2, 0x50);

        Assert.Equal(
            ["write-track N zaps A", "drop Q[0] -> A", "zapped A", "write-track N zaps B", "drop Q[1] -> B", "zapped B"],
            trace.Lines());
        Assert.True(a.Zapped && b.Zapped);
        Assert.False(d.Zapped || c.Zapped || n.Zapped);
        Assert.True(c.Unsync);
        Assert.Equal(1, mmu.Stats.Unsync);
        Assert.Equal(2, mmu.Stats.Zaps);
        Assert.Equal([0, 1, 2], Bits(q));
        Assert.Equal([2, 3], q.ChildIndexes());
        Assert.Empty(InvariantChecker.Check(mmu));

        // The gfn is write-tracked now.
        Assert.Equal(UnsyncOutcome.Refused, mmu.Unsync(d));

        // A root made for C's gfn zaps C the same way.
        trace.Events.Clear();
        mmu.CreateRoot("R2", 4, 0x60);
        Assert.Equal(["write-track R2 zaps C", "drop Q[2] -> C", "zapped C"], trace.Lines());
        Assert.Equal(0, mmu.Stats.Unsync);
        Assert.Empty(InvariantChecker.Check(mmu));
    }

    // ---- mmu_sync_children(can_yield = true): the yield point ---------------------------

    /// <summary>Capacity 4; R (L3) [0]-> M; M [i]-> Li for i = 0..3, all unsync.</summary>
    private static (ShadowMmu Mmu, ShadowPage R, ShadowPage M, ShadowPage[] Leaves) YieldTable(string algorithm)
    {
        var mmu = New(algorithm);
        mmu.BatchCapacity = 4;
        var r = mmu.CreateRoot("R", 3);
        var m = mmu.CreatePage("M", 2);
        mmu.Link(r, 0, m);
        var leaves = new ShadowPage[4];
        for (int i = 0; i < 4; i++)
        {
            leaves[i] = mmu.CreatePage($"L{i}", 1);
            mmu.Link(m, i, leaves[i]);
            mmu.Unsync(leaves[i]);
        }

        return (mmu, r, m, leaves);
    }

    [Theory]
    [MemberData(nameof(AllAlgorithms), MemberType = typeof(TestTables))]
    public void Yield_BlockUnsyncsAPageTheWalkPassed_TheLoopSyncsItBeforeReturning0(string algorithm)
    {
        // legacy: batch 1 [R M L0 L1] (-ENOSPC), yield, L0 unsync again (M[0] marked), walk 2
        // [R M@0 L0@0 L2@2], walk 3 [R M@0 L3@3], walk 4: 0. 4 walks, 3 + 3 + 2 = 8 visits.
        // recursive: the same batches; walk 2 also clears M[1], walk 3 M[0] and M[2], walk 4 M[3]
        // and R[0]: 3 + 4 + 4 + 2 = 13 visits, 4 walks.
        // eager: batch 1 [L0 L1 L2 L3]; yield; walk 2 [L0]; walk 3: 0. 3 walks, 5 + 3 = 8 visits.
        // Each: L0 synced twice, 5 syncs, invariant 4 recorded as holding.
        var (mmu, r, m, leaves) = YieldTable(algorithm);
        var trace = EventTrace.Attach(mmu);
        int ran = 0;

        var outcome = mmu.SyncChildrenYielding(r, 1, () =>
        {
            ran++;
            Assert.False(leaves[0].Unsync);
            Assert.Equal(UnsyncOutcome.Unsynced, mmu.Unsync(leaves[0]));
        });

        Assert.Equal(SyncOutcome.Done, outcome);
        Assert.Equal(1, ran);
        var lines = trace.Lines();
        int yield = lines.IndexOf("yield R after 1");
        Assert.True(yield > 0, string.Join("\n", lines));
        Assert.Equal("unsync L0", lines[yield + 1]);
        string secondWalk = lines.Skip(yield).First(l => l.StartsWith("walk ", StringComparison.Ordinal));
        Assert.Equal(algorithm == "eager" ? "walk R = 1 [L0]" : "walk R = ENOSPC [R M@0 L0@0 L2@2]", secondWalk);
        Assert.Equal(algorithm == "eager" ? "end R Done after 2" : "end R Done after 3", lines[^1]);

        Assert.Equal(2, leaves[0].Syncs);
        Assert.All(leaves.Skip(1), l => Assert.Equal(1, l.Syncs));
        Assert.Equal(5, mmu.Stats.Syncs);
        Assert.Equal(1, mmu.Stats.Yields);
        var (walks, visits) = algorithm switch { "legacy" => (4, 8), "recursive" => (4, 13), _ => (3, 8) };
        Assert.Equal(walks, mmu.Stats.Walks);
        Assert.Equal(visits, mmu.Stats.Visits);
        Assert.Equal(0, mmu.Stats.Unsync);
        Assert.Equal(0, r.UnsyncChildren);
        Assert.Empty(Bits(m));
        Assert.Empty(mmu.SyncPostconditionViolations);
        Assert.Empty(mmu.Warnings);
        Assert.Empty(InvariantChecker.Check(mmu));
    }

    [Theory]
    [MemberData(nameof(AllAlgorithms), MemberType = typeof(TestTables))]
    public void Yield_BlockZapsThePageBeingSynced_TheLoopEndsWith0(string algorithm)
    {
        // Batch 1 as above; at the yield point R is zapped: its zap loop zaps what is still unsync
        // below it (legacy, recursive: L2, L3; eager: nothing, its batch held all four leaves),
        // its spte to M is dropped, R is invalid (root_count stays). The sync's next walk finds R
        // with no unsync children: 0.
        // legacy: walks 1 + 2 (zap loop) + 1 = 4, visits 3 + 3 = 6, 2 syncs, 3 zaps.
        // recursive: walks 4, visits 3 + 5 + 3 = 11, 2 syncs, 3 zaps.
        // eager: walks 1 + 1 + 1 = 3, visits 5 + 2 = 7, 4 syncs, 1 zap.
        var (mmu, r, m, leaves) = YieldTable(algorithm);
        var trace = EventTrace.Attach(mmu);

        var outcome = mmu.SyncChildrenYielding(r, 1, () => mmu.Zap(r));

        Assert.Equal(SyncOutcome.Done, outcome);
        var lines = trace.Lines();
        int yield = lines.IndexOf("yield R after 1");
        Assert.Equal("zap-unsync-children R", lines[yield + 1]);
        Assert.Equal(["zapped R", "walk R = 0 []", "end R Done after 1"], lines[^3..]);
        Assert.True(r.Zapped);
        Assert.Equal(1, r.RootCount);
        Assert.False(m.Zapped);
        Assert.Equal(0, m.ParentCount);
        Assert.Equal(0, r.UnsyncChildren);
        Assert.Equal(0, mmu.Stats.Unsync);
        Assert.Equal(1, mmu.Stats.Yields);
        var (walks, visits, syncs, zaps) = algorithm switch
        {
            "legacy" => (4, 6, 2, 3),
            "recursive" => (4, 11, 2, 3),
            _ => (3, 7, 4, 1),
        };
        Assert.Equal(walks, mmu.Stats.Walks);
        Assert.Equal(visits, mmu.Stats.Visits);
        Assert.Equal(syncs, mmu.Stats.Syncs);
        Assert.Equal(zaps, mmu.Stats.Zaps);
        Assert.Equal(algorithm != "eager", leaves[2].Zapped && leaves[3].Zapped);
        Assert.Empty(mmu.SyncPostconditionViolations);
        Assert.Empty(mmu.Warnings);
        Assert.Empty(InvariantChecker.Check(mmu));
    }

    [Theory]
    [MemberData(nameof(AllAlgorithms), MemberType = typeof(TestTables))]
    public void Yield_BlockLinksViaFetch_TheFaultSyncsItsChildNested_TheLoopSyncsTheNewLeaf(string algorithm)
    {
        // R (L3) [0]-> M [0,1]-> L0, L1; N (L2, linked nowhere) [0,1]-> K0, K1; F (L1, linked
        // nowhere). All five unsync. At the yield point (after batch 1 synced L0, L1): the fault
        // links N below R after syncing it (nested, K0 and K1), unmarked; a second fault links F
        // below M, marking it; the loop's next walk syncs F.
        // legacy: walks 3 + 2 (N's sync) = 5, visits 3 + 2 + 2 = 7; recursive: 3 + 4 + 4 + 2 = 13;
        // eager: 7. 5 syncs each.
        var mmu = New(algorithm);
        var r = mmu.CreateRoot("R", 3);
        var m = mmu.CreatePage("M", 2);
        var n = mmu.CreatePage("N", 2);
        var f = mmu.CreatePage("F", 1);
        mmu.Link(r, 0, m);
        for (int i = 0; i < 2; i++)
        {
            var l = mmu.CreatePage($"L{i}", 1);
            mmu.Link(m, i, l);
            mmu.Unsync(l);
            var k = mmu.CreatePage($"K{i}", 1);
            mmu.Link(n, i, k);
            mmu.Unsync(k);
        }

        mmu.Unsync(f);
        var trace = EventTrace.Attach(mmu);
        var fetched = new List<FetchOutcome>();

        var outcome = mmu.SyncChildrenYielding(r, 1, () =>
        {
            fetched.Add(mmu.Fetch(r, 1, n));
            fetched.Add(mmu.Fetch(m, 2, f));
        });

        Assert.Equal(SyncOutcome.Done, outcome);
        Assert.Equal([FetchOutcome.Linked, FetchOutcome.Linked], fetched);
        var lines = trace.Lines();
        int yield = lines.IndexOf("yield R after 1");
        Assert.Equal("sync-children N", lines[yield + 1]);
        Assert.Contains("end N Done after 1", lines.Skip(yield));
        Assert.Equal("end R Done after 2", lines[^1]);
        Assert.Equal([0, 1], r.ChildIndexes());
        Assert.Empty(Bits(r));
        Assert.Equal(1, f.Syncs);
        Assert.Equal(0, mmu.Stats.Unsync);
        Assert.Equal(5, mmu.Stats.Syncs);
        Assert.Equal(5, mmu.Stats.Walks);
        Assert.Equal(algorithm == "recursive" ? 13 : 7, mmu.Stats.Visits);
        Assert.Equal(0, mmu.Stats.LinkUnsyncChildren);
        Assert.Equal(0, mmu.Stats.Retries);
        Assert.Empty(mmu.SyncPostconditionViolations);
        Assert.Empty(InvariantChecker.Check(mmu));
    }

    [Theory]
    [MemberData(nameof(AllAlgorithms), MemberType = typeof(TestTables))]
    public void Yield_OnceAfterNBatches_NeverWhenTheSyncEndsFirst(string algorithm)
    {
        // Without interference, YieldTable's sync takes 2 batches under legacy and recursive
        // ([R M L0 L1], [R M L2 L3]) and 1 under eager ([L0 L1 L2 L3]). yield-after 1: one yield
        // each. yield-after 2: legacy and recursive yield after their last batch (then walk to 0);
        // eager never gets there.
        var (mmu, r, _, _) = YieldTable(algorithm);
        int ran = 0;
        Assert.Equal(SyncOutcome.Done, mmu.SyncChildrenYielding(r, 1, () => ran++));
        Assert.Equal(1, ran);
        Assert.Equal(1, mmu.Stats.Yields);

        var (again, r2, _, _) = YieldTable(algorithm);
        int ran2 = 0;
        Assert.Equal(SyncOutcome.Done, again.SyncChildrenYielding(r2, 2, () => ran2++));
        Assert.Equal(algorithm == "eager" ? 0 : 1, ran2);
        Assert.Equal(ran2, again.Stats.Yields);
        Assert.Equal(0, again.Stats.Unsync);
        Assert.Empty(InvariantChecker.Check(again));
    }

    [Fact]
    public void Yield_AfterZeroBatches_IsRefusedBeforeAnyWalk()
    {
        var (mmu, r, _, _) = YieldTable("legacy");
        var e = Assert.Throws<MmuException>(() => mmu.SyncChildrenYielding(r, 0, () => Assert.Fail("the block ran")));
        Assert.Equal(MmuErrorKind.BadArgument, e.Kind);
        Assert.Equal(0, mmu.Stats.Walks);
        Assert.Equal(0, mmu.Stats.Yields);
    }
}
