// legacy, the kernel's unsync walk (mmu.c as it is), as a plug-in: a copy of the built-in
// `legacy` to start a patch from. Run it like a built-in:
//
//     mmudsl run --algorithm examples/algorithms/legacy.cs scenarios/basics/01-first-scenario.mmu
//     mmudsl explore -a legacy -a examples/algorithms/legacy.cs
//
// The usings a plug-in needs (System, MmuDsl.Mmu, MmuDsl.Mmu.Algorithms) are implicit.
// docs/algorithms.md is the API, member by member, with each member's kernel name.

/// <summary>The built-in legacy walk, as a plug-in file.</summary>
public sealed class LegacyPlugin : UnsyncWalkAlgorithm
{
    public override string Name => "legacy_cs";

    // mmu_unsync_walk(): the walk's root is the batch's first entry, with no index.
    public override int MmuUnsyncWalk(Kvm kvm, KvmMmuPage sp, KvmMmuPages pvec)
    {
        if (sp.UnsyncChildren == 0)
        {
            return 0;
        }

        kvm.MmuPagesAdd(pvec, sp, INVALID_INDEX);
        return UnsyncWalk(kvm, sp, pvec);
    }

    // __mmu_unsync_walk()
    private static int UnsyncWalk(Kvm kvm, KvmMmuPage sp, KvmMmuPages pvec)
    {
        int nrUnsyncLeaf = 0;
        foreach (int i in kvm.ForEachSetBit(sp))
        {
            var child = sp.ChildAt(i);
            if (child.IsNull)
            {
                kvm.ClearUnsyncChildBit(sp, i);
                continue;
            }

            if (child.UnsyncChildren > 0)
            {
                if (kvm.MmuPagesAdd(pvec, child, i))
                {
                    return -ENOSPC;
                }

                int ret = UnsyncWalk(kvm, child, pvec);
                if (ret == 0)
                {
                    kvm.ClearUnsyncChildBit(sp, i);
                }
                else if (ret > 0)
                {
                    nrUnsyncLeaf += ret;
                }
                else
                {
                    return ret;
                }
            }
            else if (child.Unsync)
            {
                nrUnsyncLeaf++;
                if (kvm.MmuPagesAdd(pvec, child, i))
                {
                    return -ENOSPC;
                }
            }
            else
            {
                kvm.ClearUnsyncChildBit(sp, i);
            }
        }

        return nrUnsyncLeaf;
    }

    // mmu_sync_children(), one batch: for_each_sp { kvm_unlink_unsync_page; kvm_sync_page; mmu_pages_clear_parents }
    public override void MmuSyncChildrenBatch(Kvm kvm, KvmMmuPages pvec)
    {
        MmuPagePath parents = default;
        for (int i = MmuPagesFirst(kvm, pvec, ref parents); i < pvec.Nr; i = MmuPagesNext(pvec, ref parents, i))
        {
            var sp = pvec[i].Sp;
            kvm.KvmUnlinkUnsyncPage(sp);
            kvm.KvmSyncPage(sp);
            MmuPagesClearParents(kvm, ref parents);
        }
    }

    // mmu_zap_unsync_children(), one batch
    public override void MmuZapUnsyncChildrenBatch(Kvm kvm, KvmMmuPages pvec)
    {
        MmuPagePath parents = default;
        for (int i = MmuPagesFirst(kvm, pvec, ref parents); i < pvec.Nr; i = MmuPagesNext(pvec, ref parents, i))
        {
            kvm.KvmMmuPrepareZapPage(pvec[i].Sp);
            MmuPagesClearParents(kvm, ref parents);
        }
    }

    // mmu_pages_first(): the walk's root on the path, NULL above it.
    private static int MmuPagesFirst(Kvm kvm, KvmMmuPages pvec, ref MmuPagePath parents)
    {
        if (pvec.Nr == 0)
        {
            return 0;
        }

        var first = pvec[0];
        if (first.Idx != INVALID_INDEX)
        {
            kvm.Warn(MmuWarningKind.BadBatchPath, $"the batch of a walk starts with '{first.Sp.Name}' at index {first.Idx}, not the walk's root");
        }

        int level = first.Sp.Level;
        if (level == 1)
        {
            kvm.Warn(MmuWarningKind.BadBatchPath, $"the batch of a walk starts with level-1 page '{first.Sp.Name}'");
            return MmuPagesNext(pvec, ref parents, 0);
        }

        parents.Parent[level - 2] = first.Sp;
        parents.Parent[level - 1] = KvmMmuPage.Null;
        return MmuPagesNext(pvec, ref parents, 0);
    }

    // mmu_pages_next(): each entry's index at its level; pages above level 1 go on the path.
    private static int MmuPagesNext(KvmMmuPages pvec, ref MmuPagePath parents, int i)
    {
        int n;
        for (n = i + 1; n < pvec.Nr; n++)
        {
            var entry = pvec[n];
            int level = entry.Sp.Level;
            parents.Idx[level - 1] = entry.Idx;
            if (level == 1)
            {
                break;
            }

            parents.Parent[level - 2] = entry.Sp;
        }

        return n;
    }

    // mmu_pages_clear_parents(): bottom-up, while counts reach zero, up to the walk's root.
    private static void MmuPagesClearParents(Kvm kvm, ref MmuPagePath parents)
    {
        int level = 0;
        KvmMmuPage sp;
        do
        {
            sp = parents.Parent[level];
            if (sp.IsNull)
            {
                return;
            }

            int idx = parents.Idx[level];
            if (idx == INVALID_INDEX)
            {
                kvm.Warn(MmuWarningKind.BadBatchPath, $"mmu_pages_clear_parents reached '{sp.Name}' with no index below it");
                return;
            }

            kvm.ClearUnsyncChildBit(sp, idx);
            level++;
        }
        while (sp.UnsyncChildren == 0);
    }
}
