// eager, the walk that clears each bit once it is done with the child below it (Lai Jiangshan's
// 2022 series as Sean Christopherson reworked the walk; never merged), as a plug-in: a copy of the
// built-in `eager`. The batch holds unsync leaves only, with no index; no path, no bottom-up
// clearing. Run it like a built-in:
//
//     mmudsl explore -a legacy -a examples/algorithms/eager.cs
//
// The usings a plug-in needs (System, MmuDsl.Mmu, MmuDsl.Mmu.Algorithms) are implicit.
// docs/algorithms.md is the API, member by member, with each member's kernel name.

/// <summary>The built-in eager walk, as a plug-in file.</summary>
public sealed class EagerPlugin : UnsyncWalkAlgorithm
{
    public override string Name => "eager_cs";

    // mmu_unsync_walk(): the walk's root is not an entry.
    public override int MmuUnsyncWalk(Kvm kvm, KvmMmuPage sp, KvmMmuPages pvec)
    {
        if (sp.UnsyncChildren == 0)
        {
            return 0;
        }

        return UnsyncWalk(kvm, sp, pvec);
    }

    // __mmu_unsync_walk(): handle the child first, clear its bit after.
    private static int UnsyncWalk(Kvm kvm, KvmMmuPage sp, KvmMmuPages pvec)
    {
        int nrUnsyncLeaf = 0;
        foreach (int i in kvm.ForEachSetBit(sp))
        {
            var child = sp.ChildAt(i);
            if (!child.IsNull)
            {
                if (child.UnsyncChildren > 0)
                {
                    int ret = UnsyncWalk(kvm, child, pvec);
                    if (ret < 0)
                    {
                        return ret;             // bit i stays set
                    }

                    nrUnsyncLeaf += ret;
                }
                else if (child.Unsync)
                {
                    if (kvm.MmuPagesAdd(pvec, child))
                    {
                        return -ENOSPC;         // child is in the batch; bit i stays set
                    }

                    nrUnsyncLeaf++;
                }
            }

            kvm.ClearUnsyncChildBit(sp, i);     // stale, leaf batched, or subtree done
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
