using MmuDsl.Mmu.Algorithms;

namespace MmuDsl.Mmu.Tests;

/// <summary>
/// <c>mmu_pages_add</c>'s "is this unsync page already an entry?" is answered by a stamp on the
/// page (<see cref="PageSyncState.BatchStamp"/>) rather than by scanning the batch. These tests pin
/// that the answer is the kernel's in the three places a stamp could lie: a batch of a loop
/// nested in a walk restamps the outer batch's pages, an engine copied from another carries the
/// other's stamps, and the generation counter wraps.
/// </summary>
public sealed class BatchMembershipTests
{
    [Fact]
    public void AddAgain_AfterANestedLoopRestampedThePage_IsStillRefused()
    {
        // R (level 2) links the unsync leaf L at 0. The walk adds R and L, then zaps R: the zap's
        // own loop walks R again into its batch (restamping R and L) and its batch step clears
        // R's bit without touching L, so L stays unsync, stamped by the inner batch. Back in the
        // outer walk, adding L again must still say "already an entry" (false) and add nothing.
        var alg = new ZapDuringWalk();
        var mmu = new ShadowMmu(alg) { CheckSyncPostconditions = false };
        var r = mmu.CreateRoot("R", 2);
        var l = mmu.CreatePage("L", 1);
        mmu.Link(r, 0, l);
        mmu.Unsync(l);

        mmu.SyncChildren(r);

        Assert.Equal((false, 2), alg.SecondAdd);
        Assert.True(l.Unsync);
    }

    [Fact]
    public void AddAgain_InAnEngineThatCopiedAnotherOnesStamps_IsRefusedOnlyWhenThePageIsAnEntry()
    {
        // The second engine is cloned before any walk (its generations start again at 1); the
        // first syncs everything (stamping every leaf with its first generations) and the leaves
        // are unsync again. The second copies that state, stamps included: its own first walk must
        // still add each leaf once, as if no stamp had come with the copy.
        var first = SharedLeafTable(out var root);
        var second = first.Clone();
        first.SyncChildren(root);
        foreach (var leaf in first.Pages.Where(p => p.Level == 1))
        {
            first.Unsync(leaf);
        }

        second.CopyStateFrom(first);
        var trace = EventTrace.Attach(second);
        second.SyncChildren(second.Page("R"));

        Assert.Equal(6, trace.Walks[0].Result);
        Assert.Equal(8, trace.Walks[0].Batch.Length);
        Assert.Equal(10, second.Stats.Syncs);
        Assert.All(second.Pages.Where(p => p.Level == 1), l => Assert.False(l.Unsync));
    }

    [Fact]
    public void GenerationWrap_ClearsTheStamps_SoThatOldStampsAreNotTakenForEntries()
    {
        // A first sync stamps the leaves with generation 1 (its first walk); they are unsync
        // again; the counter is then at its last value, so the next walk's batch wraps to
        // generation 1. Had the old stamps survived the wrap, every leaf would look like an entry
        // already and none would be batched.
        var mmu = SharedLeafTable(out var root);
        mmu.SyncChildren(root);
        foreach (var leaf in mmu.Pages.Where(p => p.Level == 1))
        {
            mmu.Unsync(leaf);
        }

        mmu.BatchGenerationForTests = ushort.MaxValue;
        var trace = EventTrace.Attach(mmu);
        mmu.SyncChildren(root);

        Assert.Equal(6, trace.Walks[0].Result);
        Assert.Equal(8, trace.Walks[0].Batch.Length);
        Assert.Equal(10, mmu.Stats.Syncs);
        Assert.True(mmu.BatchGenerationForTests < 10);
    }

    // R (level 3) -> A at 0 and B at 1 (level 2). A links leaves L0..L2 at 0..2, B links L2 (the
    // shared leaf) at 0 and L3, L4 at 1, 2; all five unsync. The first walk batches R, A, L0, L1,
    // L2, B, L3, L4 (8 entries: L2's second add is refused) and returns 3 + 3 = 6, as B's walk
    // counts L2 before mmu_pages_add refuses it; the batch syncs 5 distinct leaves.
    private static ShadowMmu SharedLeafTable(out ShadowPage root)
    {
        var mmu = new ShadowMmu(WalkAlgorithms.Legacy);
        root = mmu.CreateRoot("R", 3);
        var a = mmu.CreatePage("A", 2);
        var b = mmu.CreatePage("B", 2);
        mmu.Link(root, 0, a);
        mmu.Link(root, 1, b);
        var leaves = Enumerable.Range(0, 5).Select(n => mmu.CreatePage($"L{n}", 1)).ToArray();
        mmu.Link(a, 0, leaves[0]);
        mmu.Link(a, 1, leaves[1]);
        mmu.Link(a, 2, leaves[2]);
        mmu.Link(b, 0, leaves[2]);
        mmu.Link(b, 1, leaves[3]);
        mmu.Link(b, 2, leaves[4]);
        foreach (var leaf in leaves)
        {
            mmu.Unsync(leaf);
        }

        return mmu;
    }

    /// <summary>A walk that zaps its own root halfway, with a zap batch step that only clears bits.</summary>
    private sealed class ZapDuringWalk : LegacyWalk
    {
        private bool _nested;

        public override string Name => "zap_during_walk";

        public (bool Full, int Nr)? SecondAdd { get; private set; }

        public override int MmuUnsyncWalk(Kvm kvm, KvmMmuPage sp, KvmMmuPages pvec)
        {
            if (_nested || SecondAdd != null)
            {
                return base.MmuUnsyncWalk(kvm, sp, pvec);
            }

            var leaf = sp.ChildAt(0);
            kvm.MmuPagesAdd(pvec, sp, INVALID_INDEX);
            kvm.MmuPagesAdd(pvec, leaf, 0);
            _nested = true;
            kvm.KvmMmuPrepareZapPage(sp);
            _nested = false;
            SecondAdd = (kvm.MmuPagesAdd(pvec, leaf, 0), pvec.Nr);
            return 0;
        }

        public override void MmuZapUnsyncChildrenBatch(Kvm kvm, KvmMmuPages pvec)
        {
            // Clear the bit of each leaf in the walk's root, leave the leaf unsync.
            for (int n = 1; n < pvec.Nr; n++)
            {
                kvm.ClearUnsyncChildBit(pvec[0].Sp, pvec[n].Idx);
            }
        }
    }
}
