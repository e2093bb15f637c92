// A planted bug, for docs/algorithms.md: eager.cs with the bit cleared only where the walk did
// something below it (a leaf batched, a subtree walked), as if "clear after the child" had been
// read as "clear after handling a child". A stale bit (its spte gone, or its child clean) is then
// never cleared: the lazy clearing that every proposal keeps is lost, and a sync can return 0 with
// bits still set below the page it synced (invariant 4). The explorer finds it at its defaults:
//
//     mmudsl explore -a eager -a examples/algorithms/eager-keeps-stale-bits.cs
//
// The usings a plug-in needs (System, MmuDsl.Mmu, MmuDsl.Mmu.Algorithms) are implicit.
// docs/algorithms.md is the API, member by member, with each member's kernel name.

/// <summary>eager that never clears a stale bit: a planted bug.</summary>
public sealed class EagerKeepsStaleBits : UnsyncWalkAlgorithm
{
    public override string Name => "eager_keeps_stale_bits";

    // mmu_unsync_walk(): the walk's root is not an entry.
    public override int MmuUnsyncWalk(Kvm kvm, KvmMmuPage sp, KvmMmuPages pvec)
    {
        if (sp.UnsyncChildren == 0)
        {
            return 0;
        }

        return UnsyncWalk(kvm, sp, pvec);
    }

    // __mmu_unsync_walk(), with the bug: no clearing where nothing was found.
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
                        return ret;
                    }

                    nrUnsyncLeaf += ret;
                    kvm.ClearUnsyncChildBit(sp, i);     // subtree done
                }
                else if (child.Unsync)
                {
                    if (kvm.MmuPagesAdd(pvec, child))
                    {
                        return -ENOSPC;
                    }

                    nrUnsyncLeaf++;
                    kvm.ClearUnsyncChildBit(sp, i);     // leaf batched
                }
            }

            // THE BUG: a stale bit (no child, or a clean one) is never cleared here.
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
