using MmuDsl.Mmu.Invariants;
using static MmuDsl.Mmu.Tests.TestTables;

namespace MmuDsl.Mmu.Tests;

/// <summary>
/// The dense layout of src/Mmu/PageSyncState.cs: a page's unsync, unsync_children, sync count and
/// fail flag live in an array of the engine indexed by page id, and the walk reaches a child's
/// entry through the child id its parent's spte table keeps beside the child. These pin what
/// that layout could break: entries surviving the array's growth, one engine's pages never
/// reading another's entries, and child ids staying beside their child while sptes come and go.
/// </summary>
public sealed class SyncStateLayoutTests
{
    [Fact]
    public void Entry_IsTwelveBytes_AndItsFlagsAreIndependent()
    {
        // The walk reads one entry per child it visits: a larger entry is more cache lines per
        // walk at k = 16 (docs/performance.md). The three flags share a byte beside the level,
        // and the batch stamp takes the two bytes left.
        Assert.Equal(12, System.Runtime.CompilerServices.Unsafe.SizeOf<PageSyncState>());
        var state = new PageSyncState { Unsync = true, Zapped = true, BatchStamp = ushort.MaxValue };
        state.FailNextSync = true;
        state.Unsync = false;
        Assert.Equal((false, true, true, ushort.MaxValue), (state.Unsync, state.FailNextSync, state.Zapped, state.BatchStamp));
    }

    [Theory]
    [MemberData(nameof(BothAlgorithms), MemberType = typeof(TestTables))]
    public void ManyPages_EachKeepsItsState_AcrossArrayGrowth(string algorithm)
    {
        // R (L2) [i]-> Li for i in 0..299: far past the array's first capacity (16), so the
        // entries are copied several times while earlier pages are already unsync.
        var mmu = New(algorithm);
        var r = mmu.CreateRoot("R", 2);
        var leaves = new ShadowPage[300];
        for (int i = 0; i < leaves.Length; i++)
        {
            leaves[i] = mmu.CreatePage($"L{i}", 1);
            mmu.Link(r, i, leaves[i]);
            if (i % 3 == 0)
            {
                mmu.Unsync(leaves[i]);
            }

            if (i % 7 == 0)
            {
                mmu.FailNextSync(leaves[i]);
            }
        }

        Assert.Equal(100, r.UnsyncChildren);
        Assert.Equal(Enumerable.Range(0, 300).Where(i => i % 3 == 0), Bits(r));
        for (int i = 0; i < leaves.Length; i++)
        {
            Assert.Equal(i % 3 == 0, leaves[i].Unsync);
            Assert.Equal(i % 7 == 0, leaves[i].FailNextSync);
            Assert.Equal(0, leaves[i].UnsyncChildren);
            Assert.Equal(1, leaves[i].Level);
        }

        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(r));

        Assert.Equal(0, r.UnsyncChildren);
        Assert.Equal(0, mmu.Stats.Unsync);
        for (int i = 0; i < leaves.Length; i++)
        {
            Assert.False(leaves[i].Unsync);
            Assert.Equal(i % 3 == 0 ? 1 : 0, leaves[i].Syncs);
            Assert.Equal(i % 3 == 0 && i % 7 == 0, leaves[i].Zapped);
            Assert.Equal(i % 7 == 0 && i % 3 != 0, leaves[i].FailNextSync);
        }

        Assert.Empty(InvariantChecker.Check(mmu));
        Assert.Empty(mmu.Warnings);
    }

    [Theory]
    [MemberData(nameof(BothAlgorithms), MemberType = typeof(TestTables))]
    public void TwoEngines_SamePageIds_EachReadsItsOwnState(string algorithm)
    {
        var (a, ra, _, _, la) = Chain(algorithm);
        var (b, rb, _, _, lb) = Chain(algorithm);
        Assert.Equal(la.Id, lb.Id);

        a.Unsync(la);
        Assert.True(la.Unsync);
        Assert.False(lb.Unsync);
        Assert.Equal(1, ra.UnsyncChildren);
        Assert.Equal(0, rb.UnsyncChildren);

        a.SyncChildren(ra);
        Assert.Equal(1, la.Syncs);
        Assert.Equal(0, lb.Syncs);
        Assert.Equal(0, a.Stats.Unsync);
        Assert.Equal(0, b.Stats.Unsync);
    }

    [Theory]
    [MemberData(nameof(BothAlgorithms), MemberType = typeof(TestTables))]
    public void ChildIds_StayBesideTheirChild_WhenSptesAreSetAndClearedOutOfOrder(string algorithm)
    {
        // Links into R at 9, 2, 5, 0 (each insertion shifts the packed children above it), then
        // R[2] is unlinked (shifting them back down) and R[1] linked. Only A (at R[9]) and D
        // (at R[0]) are unsync: the walk must find exactly those through the ids it reads.
        var mmu = New(algorithm);
        var r = mmu.CreateRoot("R", 2);
        var a = mmu.CreatePage("A", 1);
        var b = mmu.CreatePage("B", 1);
        var c = mmu.CreatePage("C", 1);
        var d = mmu.CreatePage("D", 1);
        var e = mmu.CreatePage("E", 1);
        mmu.Link(r, 9, a);
        mmu.Link(r, 2, b);
        mmu.Link(r, 5, c);
        mmu.Link(r, 0, d);
        mmu.Unsync(a);
        mmu.Unsync(b);
        mmu.Unsync(d);
        mmu.Unlink(r, 2);
        mmu.Link(r, 1, e);

        Assert.Equal([0, 1, 5, 9], r.ChildIndexes());
        Assert.Same(d, r.SpteAt(0).Child);
        Assert.Same(e, r.SpteAt(1).Child);
        Assert.Same(c, r.SpteAt(5).Child);
        Assert.Same(a, r.SpteAt(9).Child);

        var trace = EventTrace.Attach(mmu);
        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(r));

        Assert.Contains("walk R = 2 [R D@0 A@9]", trace.Lines());
        Assert.Equal([1, 0, 0, 1, 0], new[] { a, b, c, d, e }.Select(p => p.Syncs));
        Assert.True(b.Unsync); // unlinked before the sync: not reachable from R
        Assert.Equal(0, r.UnsyncChildren);
        Assert.Empty(InvariantChecker.Check(mmu));
    }
}
