namespace MmuDsl.Mmu.Algorithms;

// legacy: the kernel as it is (mmu.c in every release to date). Read next to
// docs/model.md#the-walk, #iterating-a-batch-with-its-path and #syncing. Recursive
// (RecursiveWalk.cs) is this file minus one call.

/// <summary>
/// The kernel's walk: the batch holds the walk's root, each page with unsync children on the
/// way (with its index in its parent) and the unsync leaves; the walk clears the bits of clean
/// subtrees lazily; after each leaf is synced or zapped, <c>mmu_pages_clear_parents</c> clears
/// its bit bottom-up and climbs while counts reach zero, up to the walk's root.
/// </summary>
public class LegacyWalk : UnsyncWalkAlgorithm
{
    /// <inheritdoc/>
    public override string Name => "legacy";

    /// <inheritdoc/>
    public override int MmuUnsyncWalk(Kvm kvm, KvmMmuPage sp, KvmMmuPages pvec)
    {
        ArgumentNullException.ThrowIfNull(kvm);
        if (sp.UnsyncChildren == 0)
        {
            return 0;
        }

        kvm.MmuPagesAdd(pvec, sp, INVALID_INDEX);
        return MmuUnsyncWalkChildren(kvm, sp, pvec);
    }

    /// <inheritdoc/>
    public override void MmuSyncChildrenBatch(Kvm kvm, KvmMmuPages pvec)
    {
        ArgumentNullException.ThrowIfNull(kvm);
        MmuPagePath parents = default;
        for (int i = MmuPagesFirst(kvm, pvec, ref parents); i < pvec.Nr; i = MmuPagesNext(pvec, ref parents, i))
        {
            var sp = pvec[i].Sp;
            kvm.KvmUnlinkUnsyncPage(sp);
            kvm.KvmSyncPage(sp);
            MmuPagesClearParents(kvm, ref parents);
        }
    }

    /// <inheritdoc/>
    public override void MmuZapUnsyncChildrenBatch(Kvm kvm, KvmMmuPages pvec)
    {
        ArgumentNullException.ThrowIfNull(kvm);
        MmuPagePath parents = default;
        for (int i = MmuPagesFirst(kvm, pvec, ref parents); i < pvec.Nr; i = MmuPagesNext(pvec, ref parents, i))
        {
            kvm.KvmMmuPrepareZapPage(pvec[i].Sp);
            MmuPagesClearParents(kvm, ref parents);
        }
    }

    /// <summary>
    /// <c>__mmu_unsync_walk(sp, pvec)</c>: for each set bit, ascending: a gone or large spte, or a
    /// clean child, loses its bit; a child with unsync children is batched and walked, and loses
    /// its bit if nothing below it was unsync; an unsync child is counted and batched. Returns
    /// the leaves found, or -ENOSPC as soon as an add fills the batch.
    /// </summary>
    protected virtual int MmuUnsyncWalkChildren(Kvm kvm, KvmMmuPage sp, KvmMmuPages pvec)
    {
        ArgumentNullException.ThrowIfNull(kvm);
        int nrUnsyncLeaf = 0;
        foreach (int i in kvm.ForEachSetBit(sp))
        {
            var child = sp.ChildAt(i);
            if (child.IsNull)
            {
                // Not present, a leaf or a large leaf: nothing below can be unsync.
                ClearStaleBit(kvm, sp, i);
                continue;
            }

            if (child.UnsyncChildren > 0)
            {
                if (kvm.MmuPagesAdd(pvec, child, i))
                {
                    return -ENOSPC;
                }

                int ret = MmuUnsyncWalkChildren(kvm, child, pvec);
                if (ret == 0)
                {
                    ClearStaleBit(kvm, sp, i);
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
                ClearStaleBit(kvm, sp, i);
            }
        }

        return nrUnsyncLeaf;
    }

    /// <summary>
    /// The walk's <c>clear_unsync_child_bit(sp, i)</c> of a bit that leads to nothing unsync (a
    /// gone spte, a clean child, a subtree that had no leaf). Its own method only so that a
    /// mutant can leave such bits set.
    /// </summary>
    protected virtual void ClearStaleBit(Kvm kvm, KvmMmuPage sp, int i)
    {
        ArgumentNullException.ThrowIfNull(kvm);
        kvm.ClearUnsyncChildBit(sp, i);
    }

    /// <summary>
    /// <c>mmu_pages_first(pvec, parents)</c>: the first entry must be the walk's root (no index,
    /// above level 1; the WARN <c>bad-batch-path</c> otherwise); it goes on the path with the
    /// NULL sentinel above it. Returns the index of the first leaf, as <see cref="MmuPagesNext"/>.
    /// </summary>
    protected static int MmuPagesFirst(Kvm kvm, KvmMmuPages pvec, ref MmuPagePath parents)
    {
        ArgumentNullException.ThrowIfNull(kvm);
        ArgumentNullException.ThrowIfNull(pvec);
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
            // The kernel would index parent[-1]; the path stays empty, so nothing is cleared.
            kvm.Warn(MmuWarningKind.BadBatchPath, $"the batch of a walk starts with level-1 page '{first.Sp.Name}'");
            return MmuPagesNext(pvec, ref parents, 0);
        }

        parents.Parent[level - 2] = first.Sp;
        parents.Parent[level - 1] = KvmMmuPage.Null;
        return MmuPagesNext(pvec, ref parents, 0);
    }

    /// <summary>
    /// <c>mmu_pages_next(pvec, parents, i)</c>: from entry i + 1 on, note each entry's index at
    /// its level and put each page above level 1 on the path; stop at the next leaf and return
    /// its position (<c>pvec.Nr</c> when none is left).
    /// </summary>
    protected static int MmuPagesNext(KvmMmuPages pvec, ref MmuPagePath parents, int i)
    {
        ArgumentNullException.ThrowIfNull(pvec);
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

    /// <summary>
    /// <c>mmu_pages_clear_parents(parents)</c>: clear the synced leaf's bit in its parent, and
    /// climb while a count reaches zero, up to and including the walk's root; the NULL sentinel
    /// above the root stops it, so the parents of the page synced are never touched.
    /// </summary>
    protected virtual void MmuPagesClearParents(Kvm kvm, ref MmuPagePath parents)
    {
        ArgumentNullException.ThrowIfNull(kvm);
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
