using MmuDsl.Mmu.Events;
using MmuDsl.Mmu.Invariants;
using static MmuDsl.Mmu.Tests.TestTables;

namespace MmuDsl.Mmu.Tests;

/// <summary>
/// <c>eager</c>, property by property of docs/model.md#eager: the batch holds unsync
/// leaves only; the walk clears each bit once it is done with the child (post-order); -ENOSPC
/// keeps the bits of the path to the leaf that filled the batch; a shared leaf is appended once
/// and counted at each meeting; a walk that returns &gt; 0 leaves its page clean; any capacity
/// &gt;= 1 works (n + 1 walks at capacity 1); no-progress never fires; failed syncs and the zap
/// loop; parents outside the walk keep their bits. Every expected number is worked out in the
/// comment above it.
/// </summary>
public sealed class EagerWalkTests
{
    private const string Eager = "eager";

    [Fact]
    public void Walk_Chain_BatchHoldsTheLeafOnly_BitsClearedDeepestFirstBeforeTheSync()
    {
        // R [0]-> P3 [1]-> P2 [2]-> L. Walk 1: R[0], P3[1], P2[2] (3 visits); L appended, then
        // P2[2] cleared; P2's walk returned 1: P3[1]; P3's: R[0]. Then L is synced. Walk 2: R is
        // clean: 0, no visit.
        var (mmu, r, p3, p2, l) = Chain(Eager);
        mmu.Unsync(l);
        var trace = EventTrace.Attach(mmu);

        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(r));

        Assert.Equal(
            [
                "sync-children R", "walk R = 1 [L]",
                "clear P2[2] by Walk", "clear P3[1] by Walk", "clear R[0] by Walk",
                "sync L", "walk R = 0 []", "end R Done after 1",
            ],
            trace.Lines());
        var entry = Assert.Single(trace.Walks[0].Batch);
        Assert.Same(l, entry.Page);
        Assert.Equal(ShadowMmu.InvalidIndex, entry.Index);
        Assert.Equal(2, mmu.Stats.Walks);
        Assert.Equal(3, mmu.Stats.Visits);
        Assert.Empty(Bits(r));
        Assert.Empty(Bits(p3));
        Assert.Empty(Bits(p2));
        Assert.Equal(1, l.Syncs);
        Assert.Empty(InvariantChecker.Check(mmu));
    }

    [Fact]
    public void Walk_TwoSubtrees_EachSubtreeClearedInPostOrderBeforeTheNextBit()
    {
        // R (L3) [0]-> A [0]-> LA, [1]-> B [0]-> LB; A also has a stale bit 5 (its spte unlinked).
        // R[0]: walk A: A[0] (LA appended, clear A[0]), A[5] (no spte: clear A[5]); A returns 1:
        // clear R[0]. Only then R[1]: walk B: B[0] (LB appended, clear), clear R[1].
        var mmu = New(Eager);
        var r = mmu.CreateRoot("R", 3);
        var a = mmu.CreatePage("A", 2);
        var b = mmu.CreatePage("B", 2);
        var la = mmu.CreatePage("LA", 1);
        var lb = mmu.CreatePage("LB", 1);
        var gone = mmu.CreatePage("G", 1);
        mmu.Link(r, 0, a);
        mmu.Link(r, 1, b);
        mmu.Link(a, 0, la);
        mmu.Link(a, 5, gone);
        mmu.Link(b, 0, lb);
        mmu.Unsync(gone);
        mmu.Unlink(a, 5);
        mmu.Unsync(la);
        mmu.Unsync(lb);
        Assert.Equal([0, 5], Bits(a));
        var trace = EventTrace.Attach(mmu);

        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(r));

        Assert.Equal("walk R = 2 [LA LB]", EventTrace.Format(trace.Walks[0]));
        Assert.Equal(["clear A[0] by Walk", "clear A[5] by Walk", "clear R[0] by Walk", "clear B[0] by Walk", "clear R[1] by Walk"], trace.ClearLines());
        Assert.Equal(
            ["R[0]", "A[0]", "A[5]", "R[1]", "B[0]"],
            trace.Walks[0].Visits.Select(v => $"{v.Page.Name}[{v.Index}]"));
        Assert.Equal(2, mmu.Stats.Walks);
        Assert.Equal(5, mmu.Stats.Visits);
        Assert.Empty(Bits(r));
        Assert.True(gone.Unsync); // unreachable since its spte went: no walk can find it
        Assert.Empty(InvariantChecker.Check(mmu));
    }

    [Fact]
    public void Walk_FullBatch_KeepsTheFillingLeafsBitAndThePath_ClearsEarlierBits()
    {
        // Capacity 2, R (L4) [0]-> P3 [0]-> P2 [0..2]-> L0..L2. Walk 1: R[0], P3[0], P2[0] (L0
        // appended, P2[0] cleared), P2[1] (L1 appended: full, -ENOSPC). Right after the walk:
        // P2 {1,2} (L1 filled the batch, L2 was not visited), P3 {0}, R {0}: no leaf left out
        // lost a bit. 4 visits.
        var mmu = New(Eager);
        var r = mmu.CreateRoot("R", 4);
        var p3 = mmu.CreatePage("P3", 3);
        var p2 = mmu.CreatePage("P2", 2);
        mmu.Link(r, 0, p3);
        mmu.Link(p3, 0, p2);
        var leaves = new ShadowPage[3];
        for (int i = 0; i < 3; i++)
        {
            leaves[i] = mmu.CreatePage($"L{i}", 1);
            mmu.Link(p2, i, leaves[i]);
            mmu.Unsync(leaves[i]);
        }

        mmu.BatchCapacity = 2;
        var afterWalk = new List<string>();
        mmu.Observer = e =>
        {
            if (e is WalkFinished w)
            {
                afterWalk.Add($"{EventTrace.Format(w)} R{{{string.Join(",", Bits(r))}}} P3{{{string.Join(",", Bits(p3))}}} P2{{{string.Join(",", Bits(p2))}}}");
            }
        };

        Assert.Equal(SyncOutcome.Interrupted, mmu.SyncChildren(r, interruptAfterBatches: 1));

        Assert.Equal(["walk R = ENOSPC [L0 L1] R{0} P3{0} P2{1,2}"], afterWalk);
        Assert.Equal(4, mmu.Stats.Visits);
        Assert.False(leaves[0].Unsync);
        Assert.False(leaves[1].Unsync);
        Assert.True(leaves[2].Unsync);

        // Between statements: L1's bit is a false positive, L2's bit and its path are set.
        Assert.Equal([1, 2], Bits(p2));
        Assert.Equal(2, p2.UnsyncChildren);
        Assert.Empty(InvariantChecker.Check(mmu));

        // The next walk goes down the kept path: R[0], P3[0], P2[1] (L1 clean: clear), P2[2] (L2
        // appended, clear); P2 returns 1: P3[0], R[0] cleared. Then a walk with no visit.
        afterWalk.Clear();
        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(r));
        Assert.Equal(["walk R = 1 [L2] R{} P3{} P2{}", "walk R = 0 [] R{} P3{} P2{}"], afterWalk);
        Assert.Equal(8, mmu.Stats.Visits);
        Assert.Empty(mmu.Warnings);
        Assert.Empty(InvariantChecker.Check(mmu));
    }

    [Fact]
    public void Walk_SharedLeafMetTwice_AppendedOnceCountedTwice_BothBitsCleared_SyncedOnce()
    {
        // R [0]-> P; P [0]-> Q1, [1]-> Q2; Q1[3] and Q2[4] both link L. Walk 1 meets L through
        // Q1 (appended) and through Q2 (already an entry: not appended), and counts it twice.
        var (mmu, r, p, q1, q2, l) = SharedLeaf();
        var trace = EventTrace.Attach(mmu);

        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(r));

        Assert.Equal(
            [
                "sync-children R", "walk R = 2 [L]",
                "clear Q1[3] by Walk", "clear P[0] by Walk", "clear Q2[4] by Walk", "clear P[1] by Walk", "clear R[0] by Walk",
                "sync L", "walk R = 0 []", "end R Done after 1",
            ],
            trace.Lines());
        Assert.Equal(1, l.Syncs);
        Assert.Equal(1, mmu.Stats.Syncs);
        Assert.Equal(5, mmu.Stats.Visits);
        Assert.Empty(Bits(q1));
        Assert.Empty(Bits(q2));
        Assert.Empty(Bits(p));
        Assert.Empty(InvariantChecker.Check(mmu));
    }

    [Fact]
    public void Walk_SharedLeafFillsTheBatch_WalkStopsThere_NextWalkClearsBothBits()
    {
        // The same table at capacity 1: L's first append fills the batch, so the walk stops at
        // Q1[3] (3 visits) and never meets L through Q2. After L is synced, walk 2 goes down
        // R[0], P[0], Q1[3] (L clean: clear; clear P[0]), P[1], Q2[4] (L clean: clear; clear
        // P[1]); clear R[0]: 5 visits, returns 0. L synced once; 2 walks, 8 visits.
        var (mmu, r, p, q1, q2, l) = SharedLeaf();
        mmu.BatchCapacity = 1;
        var trace = EventTrace.Attach(mmu);

        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(r));

        Assert.Equal(["walk R = ENOSPC [L]", "walk R = 0 []"], trace.Lines<WalkFinished>());
        Assert.Empty(trace.Walks[0].Visits.Where(v => v.Page == q2));
        Assert.Equal(
            ["clear Q1[3] by Walk", "clear P[0] by Walk", "clear Q2[4] by Walk", "clear P[1] by Walk", "clear R[0] by Walk"],
            trace.ClearLines());
        Assert.Equal(1, l.Syncs);
        Assert.Equal(2, mmu.Stats.Walks);
        Assert.Equal(8, mmu.Stats.Visits);
        Assert.Empty(Bits(p));
        Assert.Empty(mmu.Warnings);
        Assert.Empty(InvariantChecker.Check(mmu));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(15)]
    public void Sync_BatchNeverFills_FirstWalkLeavesPageClean_SecondWalkHasNoVisit(int n)
    {
        // A fan of n < 16 leaves: walk 1 appends all n (never full), clears every bit of R as it
        // goes and returns n; R.unsync_children is 0 right after it, so walk 2 returns 0 at once.
        var (mmu, r, leaves) = Fan(Eager, n);
        var afterWalk = new List<int>();
        var visits = new List<int>();
        mmu.Observer = e =>
        {
            if (e is WalkFinished w)
            {
                afterWalk.Add(r.UnsyncChildren);
                visits.Add(w.Visits.Length);
            }
        };

        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(r));

        Assert.Equal([0, 0], afterWalk);
        Assert.Equal([n, 0], visits);
        Assert.Equal(2, mmu.Stats.Walks);
        Assert.All(leaves, l => Assert.Equal(1, l.Syncs));
        Assert.Empty(InvariantChecker.Check(mmu));
    }

    [Fact]
    public void Sync_SixteenAndSeventeenLeaves_OnlyLeavesCountTowardTheBatch()
    {
        // Fan of 16: the 16th append fills the batch (-ENOSPC, R[15] kept); walk 2 visits R[15]
        // (clean: cleared) and returns 0. 2 walks, 17 visits. Legacy needs 3 walks (R takes a slot).
        // Fan of 17: walk 2 visits R[15] and R[16] (L16 appended), returns 1; walk 3: no visit.
        // 3 walks, 18 visits.
        var (sixteen, r16, _) = Fan(Eager, 16);
        var t16 = EventTrace.Attach(sixteen);
        Assert.Equal(SyncOutcome.Done, sixteen.SyncChildren(r16));
        Assert.Equal([ShadowMmu.Enospc, 0], t16.Walks.Select(w => w.Result));
        Assert.Equal(16, t16.Walks[0].Batch.Length);
        Assert.Equal(17, sixteen.Stats.Visits);
        Assert.Equal(16, sixteen.Stats.Syncs);

        var (seventeen, r17, _) = Fan(Eager, 17);
        var t17 = EventTrace.Attach(seventeen);
        Assert.Equal(SyncOutcome.Done, seventeen.SyncChildren(r17));
        Assert.Equal([ShadowMmu.Enospc, 1, 0], t17.Walks.Select(w => w.Result));
        Assert.Equal("L16", EventTrace.Batch(t17.Walks[1]));
        Assert.Equal(18, seventeen.Stats.Visits);
        Assert.Equal(17, seventeen.Stats.Syncs);
        Assert.Empty(InvariantChecker.Check(seventeen));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(8)]
    public void Sync_CapacityOne_NLeaves_NPlusOneWalks_EachBatchOneLeaf(int n)
    {
        // Capacity 1 on a fan of n: walk k (1 <= k <= n) clears L(k-2)'s bit if any (clean now),
        // appends L(k-1) and is full: -ENOSPC, even for the last leaf. Walk n + 1 clears the last
        // bit and returns 0. Visits: 1 + 2 (n - 1) + 1 = 2n.
        var (mmu, r, leaves) = Fan(Eager, n);
        mmu.BatchCapacity = 1;
        var trace = EventTrace.Attach(mmu);

        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(r));

        Assert.Equal(n + 1, mmu.Stats.Walks);
        Assert.Equal([.. Enumerable.Repeat(ShadowMmu.Enospc, n), 0], trace.Walks.Select(w => w.Result));
        Assert.Equal(Enumerable.Range(0, n).Select(i => $"L{i}"), trace.Walks.Take(n).Select(EventTrace.Batch));
        Assert.Equal($"end R Done after {n}", Assert.Single(trace.Lines<SyncFinished>()));
        Assert.Equal(2 * n, mmu.Stats.Visits);
        Assert.All(leaves, l => Assert.Equal(1, l.Syncs));
        Assert.Empty(mmu.Warnings);
        Assert.Empty(InvariantChecker.Check(mmu));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Sync_CapacityBelowLevel_LevelFiveChainWithThreeLeaves_Completes(int capacity)
    {
        // R5 [0]-> P4 [0]-> P3 [0]-> P2 [0..2]-> L0..L2: legacy needs 5 entries for one leaf.
        // Eager batches leaves only: ceil(3 / capacity) batches, each walk after a full one
        // going down the kept path again.
        var mmu = New(Eager);
        var r = mmu.CreateRoot("R5", 5);
        var p4 = mmu.CreatePage("P4", 4);
        var p3 = mmu.CreatePage("P3", 3);
        var p2 = mmu.CreatePage("P2", 2);
        mmu.Link(r, 0, p4);
        mmu.Link(p4, 0, p3);
        mmu.Link(p3, 0, p2);
        for (int i = 0; i < 3; i++)
        {
            var l = mmu.CreatePage($"L{i}", 1);
            mmu.Link(p2, i, l);
            mmu.Unsync(l);
        }

        mmu.BatchCapacity = capacity;
        var trace = EventTrace.Attach(mmu);

        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(r));

        int batches = (3 + capacity - 1) / capacity;
        Assert.Equal($"end R5 Done after {batches}", Assert.Single(trace.Lines<SyncFinished>()));
        Assert.Equal(3, mmu.Stats.Syncs);
        Assert.Equal(0, mmu.Stats.Unsync);
        Assert.Empty(Bits(r));
        Assert.Empty(mmu.Warnings);
        Assert.Empty(InvariantChecker.Check(mmu));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Sync_CapacityBelowLevel_NoProgressNeverFires_WhereLegacyFiresIt(int capacity)
    {
        // WalkTests.BatchBelowLevel_FiresNoProgress_AndStops: legacy stops with no-progress on
        // the level-4 chain at capacity 2 or 3. Eager's walk 1 appends L (1 entry; full only at
        // capacity 1) and clears the path or keeps it; L is synced either way.
        var (legacy, lr, _, _, ll) = Chain("legacy");
        legacy.Unsync(ll);
        legacy.BatchCapacity = Math.Max(capacity, 2);
        Assert.Equal(SyncOutcome.NoProgress, legacy.SyncChildren(lr));

        var (mmu, r, p3, p2, l) = Chain(Eager);
        mmu.Unsync(l);
        mmu.BatchCapacity = capacity;
        var trace = EventTrace.Attach(mmu);

        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(r));

        Assert.Equal(capacity == 1 ? "walk R = ENOSPC [L]" : "walk R = 1 [L]", EventTrace.Format(trace.Walks[0]));
        Assert.Equal(2, mmu.Stats.Walks);
        Assert.False(l.Unsync);
        Assert.Empty(Bits(r));
        Assert.Empty(Bits(p3));
        Assert.Empty(Bits(p2));
        Assert.Empty(mmu.Warnings);
        Assert.Equal(0, mmu.Stats.Warnings);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Sync_StaleBitsOnly_CapacityOne_WalkClearsThemAndReturnsZero(int capacity)
    {
        // WalkTests.BatchBelowLevel_StaleBitsOnly_StillNoProgress under eager: L was synced
        // through R2, R's path is stale. The one walk appends nothing, clears P2[2], P3[1], R[0]
        // (3 visits) and returns 0: a walk that returns 0 has cleared every bit of its page.
        var (mmu, r, p3, p2, l) = Chain(Eager);
        var r2 = mmu.CreateRoot("R2", 2);
        mmu.Link(r2, 0, l);
        mmu.Unsync(l);
        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(r2));
        mmu.BatchCapacity = capacity;
        var trace = EventTrace.Attach(mmu);

        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(r));

        Assert.Equal(["sync-children R", "walk R = 0 []", "clear P2[2] by Walk", "clear P3[1] by Walk", "clear R[0] by Walk", "end R Done after 0"], trace.Lines());
        Assert.Empty(Bits(r));
        Assert.Empty(Bits(p3));
        Assert.Empty(Bits(p2));
        Assert.Empty(mmu.Warnings);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(16)]
    public void Sync_EveryWalkNotReturningZero_BatchesOnlyUnsyncLeaves_AndUnsyncDropsEachBatch(int capacity)
    {
        // The progress argument: a walk that does not return 0 has >= 1 entry, every entry is an
        // unsync level-1 page with no index, and syncing the batch lowers stat.unsync. On the
        // comb of 10 (R [i]-> Pi [0]-> Li), at any capacity.
        var (mmu, r, _, leaves) = Comb(Eager, 10);
        mmu.BatchCapacity = capacity;
        var unsyncAtWalk = new List<long>();
        mmu.Observer = e =>
        {
            if (e is WalkFinished w)
            {
                unsyncAtWalk.Add(mmu.Stats.Unsync);
                if (w.Result != 0)
                {
                    Assert.NotEmpty(w.Batch);
                    Assert.All(w.Batch, b => Assert.Equal(1, b.Page.Level));
                    Assert.All(w.Batch, b => Assert.True(b.Page.Unsync));
                    Assert.All(w.Batch, b => Assert.Equal(ShadowMmu.InvalidIndex, b.Index));
                }
                else
                {
                    Assert.Empty(w.Batch);
                }
            }
        };

        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(r));

        Assert.Equal(unsyncAtWalk.Count, mmu.Stats.Walks);
        Assert.True(unsyncAtWalk.Zip(unsyncAtWalk.Skip(1)).All(p => p.Second < p.First), string.Join(",", unsyncAtWalk));
        Assert.Equal(0, unsyncAtWalk[^1]);
        Assert.All(leaves, l => Assert.Equal(1, l.Syncs));
        Assert.Empty(mmu.Warnings);
        Assert.Empty(InvariantChecker.Check(mmu));
    }

    [Fact]
    public void Sync_FailedSyncOfALeafInsideTheBatch_ZapsIt_ItsBitAlreadyClear_OtherParentKeepsItsBit()
    {
        // R1 [0]-> S1 [0]-> L, [1]-> M; R2 [0]-> S2 [0]-> L. L's sync fails. Walk 1 has cleared
        // S1[0], S1[1], R1[0] already; the zap drops S1[0] and S2[0] (S2's bit stays, stale).
        var mmu = New(Eager);
        var r1 = mmu.CreateRoot("R1", 3);
        var r2 = mmu.CreateRoot("R2", 3);
        var s1 = mmu.CreatePage("S1", 2);
        var s2 = mmu.CreatePage("S2", 2);
        var l = mmu.CreatePage("L", 1);
        var m = mmu.CreatePage("M", 1);
        mmu.Link(r1, 0, s1);
        mmu.Link(r2, 0, s2);
        mmu.Link(s1, 0, l);
        mmu.Link(s2, 0, l);
        mmu.Link(s1, 1, m);
        mmu.Unsync(l);
        mmu.Unsync(m);
        mmu.FailNextSync(l);
        var trace = EventTrace.Attach(mmu);

        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(r1));

        Assert.Equal(
            [
                "sync-children R1", "walk R1 = 2 [L M]",
                "clear S1[0] by Walk", "clear S1[1] by Walk", "clear R1[0] by Walk",
                "sync L failed", "drop S1[0] -> L", "drop S2[0] -> L", "zapped L",
                "sync M", "walk R1 = 0 []", "end R1 Done after 1",
            ],
            trace.Lines());
        Assert.True(l.Zapped);
        Assert.Equal([0], Bits(s2));
        Assert.Equal([0], Bits(r2));
        Assert.Equal(SpteKind.None, s2.SpteAt(0).Kind);
        Assert.Equal(1, mmu.Stats.Zaps);
        Assert.Equal(0, mmu.Stats.Unsync);
        Assert.Empty(InvariantChecker.Check(mmu));
    }

    [Fact]
    public void Sync_FailedSyncOfTheLeafThatFilledTheBatch_ItsBitLeadsToNothing_NextWalkClearsIt()
    {
        // Capacity 2, R (L3) [0]-> U [0..1]-> X0, X1; X1's sync fails. Walk 1: X0 appended (U[0]
        // cleared), X1 appended: full, U[1] and R[0] kept. X1 zapped: U[1] over an empty spte.
        // Walk 2: R[0], U[1] (not present: clear); U returns 0: clear R[0]; returns 0.
        var mmu = New(Eager);
        var r = mmu.CreateRoot("R", 3);
        var u = mmu.CreatePage("U", 2);
        var x0 = mmu.CreatePage("X0", 1);
        var x1 = mmu.CreatePage("X1", 1);
        mmu.Link(r, 0, u);
        mmu.Link(u, 0, x0);
        mmu.Link(u, 1, x1);
        mmu.Unsync(x0);
        mmu.Unsync(x1);
        mmu.FailNextSync(x1);
        mmu.BatchCapacity = 2;
        var trace = EventTrace.Attach(mmu);

        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(r));

        Assert.Equal(
            [
                "sync-children R", "walk R = ENOSPC [X0 X1]", "clear U[0] by Walk",
                "sync X0", "sync X1 failed", "drop U[1] -> X1", "zapped X1",
                "walk R = 0 []", "clear U[1] by Walk", "clear R[0] by Walk", "end R Done after 1",
            ],
            trace.Lines());
        Assert.True(x1.Zapped);
        Assert.Equal(2, mmu.Stats.Syncs);
        Assert.Equal(5, mmu.Stats.Visits);
        Assert.Empty(Bits(u));
        Assert.Empty(InvariantChecker.Check(mmu));
    }

    [Theory]
    [InlineData(16, 2)]
    [InlineData(1, 4)]
    public void ZapUnsyncChildren_ZapsEveryEntry_NothingClearedAfterTheZaps(int capacity, int walks)
    {
        // R (L3) [0]-> Q [0..2]-> L0..L2. At 16 one batch [L0 L1 L2] then a walk with no visit
        // (2 walks); at capacity 1 one leaf per walk, every walk full, then one returning 0
        // (4 walks). Every bit is cleared by the walk; none after a zap.
        var mmu = New(Eager);
        var r = mmu.CreateRoot("R", 3);
        var q = mmu.CreatePage("Q", 2);
        mmu.Link(r, 0, q);
        var leaves = new ShadowPage[3];
        for (int i = 0; i < 3; i++)
        {
            leaves[i] = mmu.CreatePage($"L{i}", 1);
            mmu.Link(q, i, leaves[i]);
            mmu.Unsync(leaves[i]);
        }

        mmu.BatchCapacity = capacity;
        var trace = EventTrace.Attach(mmu);

        Assert.Equal(SyncOutcome.Done, mmu.ZapUnsyncChildren(r));

        Assert.All(leaves, l => Assert.True(l.Zapped));
        Assert.Equal(3, mmu.Stats.Zaps);
        Assert.Equal(walks, mmu.Stats.Walks);
        Assert.Equal(0, mmu.Stats.Syncs);
        Assert.All(trace.Clears, c => Assert.Equal(BitClearer.Walk, c.By));
        Assert.Equal(4, trace.Clears.Count); // Q[0], Q[1], Q[2], R[0]
        Assert.False(q.Zapped);
        Assert.Empty(Bits(r));
        Assert.Empty(Bits(q));
        Assert.Equal(0, mmu.Stats.Unsync);
        Assert.Empty(InvariantChecker.Check(mmu));
    }

    [Fact]
    public void Zap_PageWithUnsyncChildren_ZapsThemFirst_ThenUnlinks_ItsParentKeepsItsBit()
    {
        // Chain R [0]-> P3 [1]-> P2 [2]-> L; zap P3: its zap loop walks P3 (P3[1], P2[2]: L
        // appended; P2[2] and P3[1] cleared), zaps L, walks again (no visit); then P3 loses P2
        // and its parent pte R[0]. R keeps bit 0 over nothing: 2 zaps, 2 walks, 2 visits.
        var (mmu, r, p3, p2, l) = Chain(Eager);
        mmu.Unsync(l);
        var trace = EventTrace.Attach(mmu);

        mmu.Zap(p3);

        Assert.Equal(["walk P3 = 1 [L]", "walk P3 = 0 []"], trace.Lines<WalkFinished>());
        Assert.True(p3.Zapped);
        Assert.True(l.Zapped);
        Assert.False(p2.Zapped);
        Assert.Equal(0, p2.ParentCount);
        Assert.Empty(Bits(p2));
        Assert.Equal([0], Bits(r));
        Assert.Equal(SpteKind.None, r.SpteAt(0).Kind);
        Assert.Equal(2, mmu.Stats.Zaps);
        Assert.Equal(2, mmu.Stats.Visits);
        Assert.Empty(InvariantChecker.Check(mmu));
    }

    [Fact]
    public void Sync_ParentsOfTheWalkedPageAndOutsideItsSubtree_KeepTheirBits()
    {
        // Chain R [0]-> P3 [1]-> P2 [2]-> L, and R2 (L2) [0]-> L. Syncing P2 walks only P2: P3[1]
        // and R[0] (above it) and R2[0] (another parent of L) keep their bits: false positives.
        var (mmu, r, p3, p2, l) = Chain(Eager);
        var r2 = mmu.CreateRoot("R2", 2);
        mmu.Link(r2, 0, l);
        mmu.Unsync(l);

        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(p2));

        Assert.False(l.Unsync);
        Assert.Empty(Bits(p2));
        Assert.Equal([1], Bits(p3));
        Assert.Equal([0], Bits(r));
        Assert.Equal([0], Bits(r2));
        Assert.Equal(1, mmu.Stats.Visits);
        Assert.Empty(InvariantChecker.Check(mmu));

        // Each is cleared as stale by the next sync of its own root, in one walk.
        long walks = mmu.Stats.Walks;
        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(r));
        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(r2));
        Assert.Equal(walks + 2, mmu.Stats.Walks);
        Assert.Empty(Bits(r));
        Assert.Empty(Bits(p3));
        Assert.Empty(Bits(r2));
    }

    [Fact]
    public void Walk_PageWithUnsyncChildrenReachedTwice_SecondMeetingIsOneVisitClearingAStaleBit()
    {
        // R (L4) [0]-> A [0]-> Q, [1]-> B [0]-> Q; Q [0]-> L. Walk 1: R[0], A[0], Q[0] (L
        // appended; Q[0], A[0], R[0] cleared), R[1], B[0]: Q is clean now: B[0] cleared as stale,
        // Q not walked again; B returns 0: R[1] cleared. 5 visits, returns 1.
        var mmu = New(Eager);
        var r = mmu.CreateRoot("R", 4);
        var a = mmu.CreatePage("A", 3);
        var b = mmu.CreatePage("B", 3);
        var q = mmu.CreatePage("Q", 2);
        var l = mmu.CreatePage("L", 1);
        mmu.Link(r, 0, a);
        mmu.Link(r, 1, b);
        mmu.Link(a, 0, q);
        mmu.Link(b, 0, q);
        mmu.Link(q, 0, l);
        mmu.Unsync(l);
        var trace = EventTrace.Attach(mmu);

        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(r));

        Assert.Equal("walk R = 1 [L]", EventTrace.Format(trace.Walks[0]));
        Assert.Equal(["R[0]", "A[0]", "Q[0]", "R[1]", "B[0]"], trace.Walks[0].Visits.Select(v => $"{v.Page.Name}[{v.Index}]"));
        Assert.Equal(["clear Q[0] by Walk", "clear A[0] by Walk", "clear R[0] by Walk", "clear B[0] by Walk", "clear R[1] by Walk"], trace.ClearLines());
        Assert.Equal(2, mmu.Stats.Walks);
        Assert.Equal(1, l.Syncs);
        Assert.Empty(InvariantChecker.Check(mmu));
    }

    [Fact]
    public void Sync_Interrupted_KeepsWhatItsWalksCleared_AndThePathOfItsLastFullBatch()
    {
        // Comb of 10 at capacity 4: walk 1 appends L0..L3 (filling at L3): P0..P2 and R[0..2]
        // cleared, P3[0] and R[3] kept, R[4..9] not visited. -EINTR after that batch: R {3..9}
        // (R[3] a false positive now), P3 {0}; L4..L9 unsync under set bits.
        var (mmu, r, mids, leaves) = Comb(Eager, 10);
        mmu.BatchCapacity = 4;

        Assert.Equal(SyncOutcome.Interrupted, mmu.SyncChildren(r, interruptAfterBatches: 1));

        Assert.Equal(Enumerable.Range(3, 7), Bits(r));
        Assert.All(mids.Take(3), p => Assert.Empty(Bits(p)));
        Assert.All(mids.Skip(3), p => Assert.Equal([0], Bits(p)));
        Assert.All(leaves.Take(4), l => Assert.False(l.Unsync));
        Assert.All(leaves.Skip(4), l => Assert.True(l.Unsync));
        Assert.Equal(1, mmu.Stats.Walks);
        Assert.Equal(8, mmu.Stats.Visits); // R[0..3] and P0..P3 [0]
        Assert.Empty(InvariantChecker.Check(mmu));
    }

    [Fact]
    public void Trace_BitsClearedByTheWalk_EachLineShowsTheCountRightAfterItsClear()
    {
        // Fan of 3: the walk clears R[0], R[1], R[2] in turn, and R's count goes 3, 2, 1, 0. The
        // trace's lines (scenarios print exactly these) should say 2, 1, 0, as the lines of
        // legacy's mmu_pages_clear_parents do; today they say 0, 0, 0.
        var (mmu, r, _) = Fan(Eager, 3);
        var described = new List<string>();
        mmu.Observer = e =>
        {
            if (e is UnsyncBitCleared)
            {
                described.Add(e.Describe());
            }
        };

        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(r));

        Assert.Equal(
            [
                "clear_unsync_child_bit R[0] by walk (unsync_children=2)",
                "clear_unsync_child_bit R[1] by walk (unsync_children=1)",
                "clear_unsync_child_bit R[2] by walk (unsync_children=0)",
            ],
            described);
    }

    /// <summary>R (L4) [0]-> P (L3); P [0]-> Q1, [1]-> Q2 (L2); Q1[3] and Q2[4] both link L (L1), unsync.</summary>
    private static (ShadowMmu Mmu, ShadowPage R, ShadowPage P, ShadowPage Q1, ShadowPage Q2, ShadowPage L) SharedLeaf()
    {
        var mmu = New(Eager);
        var r = mmu.CreateRoot("R", 4);
        var p = mmu.CreatePage("P", 3);
        var q1 = mmu.CreatePage("Q1", 2);
        var q2 = mmu.CreatePage("Q2", 2);
        var l = mmu.CreatePage("L", 1);
        mmu.Link(r, 0, p);
        mmu.Link(p, 0, q1);
        mmu.Link(p, 1, q2);
        mmu.Link(q1, 3, l);
        mmu.Link(q2, 4, l);
        mmu.Unsync(l);
        return (mmu, r, p, q1, q2, l);
    }
}
