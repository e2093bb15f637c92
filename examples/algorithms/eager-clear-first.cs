// eager with each bit cleared BEFORE the walk handles the child below it: the order of patch 05 of
// Lai Jiangshan's 2022 series, which Sean Christopherson objected to on the list (2022-07-19): a
// leaf that does not fit in the batch loses its bit. docs/algorithms.md ports that change, step by
// step, from eager.cs. When the batch fills inside a child's subtree, the bit leading to that child
// is already clear, so the leaves below it that were not batched can no longer be reached through
// the bitmaps (a false negative, invariant 2), and the sync ends with them still unsync
// (invariant 4). It takes more leaves under one page than a batch holds:
//
//     mmudsl run examples/algorithms/eager-clear-first.mmu
//
// The usings a plug-in needs (System, MmuDsl.Mmu, MmuDsl.Mmu.Algorithms) are implicit.
// docs/algorithms.md is the API, member by member, with each member's kernel name.

/// <summary>eager with the bit cleared first (patch 05's order).</summary>
public sealed class EagerClearFirst : UnsyncWalkAlgorithm
{
    public override string Name => "eager_clear_first";

    // mmu_unsync_walk(): the walk's root is not an entry.
    public override int MmuUnsyncWalk(Kvm kvm, KvmMmuPage sp, KvmMmuPages pvec)
    {
        if (sp.UnsyncChildren == 0)
        {
            return 0;
        }

        return UnsyncWalk(kvm, sp, pvec);
    }

    // __mmu_unsync_walk(), bit cleared first.
    private static int UnsyncWalk(Kvm kvm, KvmMmuPage sp, KvmMmuPages pvec)
    {
        int nrUnsyncLeaf = 0;
        foreach (int i in kvm.ForEachSetBit(sp))
        {
            kvm.ClearUnsyncChildBit(sp, i);     // moved up: before the child is handled
            var child = sp.ChildAt(i);
            if (!child.IsNull)
            {
                if (child.UnsyncChildren > 0)
                {
                    int ret = UnsyncWalk(kvm, child, pvec);
                    if (ret < 0)
                    {
                        return ret;             // bit i is already clear: what is left below is lost
                    }

                    nrUnsyncLeaf += ret;
                }
                else if (child.Unsync)
                {
                    if (kvm.MmuPagesAdd(pvec, child))
                    {
                        return -ENOSPC;
                    }

                    nrUnsyncLeaf++;
                }
            }
        }

        return nrUnsyncLeaf;
    }

    // mmu_sync_children(), one batch: every entry is an unsync leaf.
    public override void MmuSyncChildrenBatch(Kvm kvm, KvmMmuPages pvec)
    {
        for (int i = 0; i < pvec.Nr; i++)
        {
            var sp = pvec[i].Sp;
            kvm.KvmUnlinkUnsyncPage(sp);
            kvm.KvmSyncPage(sp);
        }
    }

    // mmu_zap_unsync_children(), one batch
    public override void MmuZapUnsyncChildrenBatch(Kvm kvm, KvmMmuPages pvec)
    {
        for (int i = 0; i < pvec.Nr; i++)
        {
            kvm.KvmMmuPrepareZapPage(pvec[i].Sp);
        }
    }
}
