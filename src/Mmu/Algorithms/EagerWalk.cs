namespace MmuDsl.Mmu.Algorithms;

// eager: Lai Jiangshan's patches 05-11 of 2022-06-05 as Sean Christopherson reworked the walk on
// 2022-07-19; never merged. Read next to docs/model.md#eager.

/// <summary>
/// The walk that clears each bit itself once it is done with the child below it: at once for a
/// stale bit, right after an unsync leaf is batched (or met again), right after a child's own
/// walk returns >= 0. The batch holds unsync leaves only, with no index: no walk root, no
/// intermediate pages, no path, and no bottom-up clearing. A walk stopped by a full batch keeps
/// the bits of the path down to the leaf that filled it, so no leaf left out loses its bit.
/// </summary>
public class EagerWalk : UnsyncWalkAlgorithm
{
    /// <inheritdoc/>
    public override string Name => "eager";

    /// <summary><c>mmu_unsync_walk(sp, pvec)</c>: the walk's root is not an entry.</summary>
    public override int MmuUnsyncWalk(Kvm kvm, KvmMmuPage sp, KvmMmuPages pvec)
    {
        if (sp.UnsyncChildren == 0)
        {
            return 0;
        }

        return MmuUnsyncWalkChildren(kvm, sp, pvec);
    }

    /// <summary>Sync every entry, in batch order; all of them are unsync level-1 pages. The rule for
    /// callers: every entry is synced, whatever the walk returned.</summary>
    public override void MmuSyncChildrenBatch(Kvm kvm, KvmMmuPages pvec)
    {
        ArgumentNullException.ThrowIfNull(kvm);
        ArgumentNullException.ThrowIfNull(pvec);
        for (int i = 0; i < pvec.Nr; i++)
        {
            var sp = pvec[i].Sp;
            kvm.KvmUnlinkUnsyncPage(sp);
            kvm.KvmSyncPage(sp);
        }
    }

    /// <summary>Zap every entry; nothing is cleared after.</summary>
    public override void MmuZapUnsyncChildrenBatch(Kvm kvm, KvmMmuPages pvec)
    {
        ArgumentNullException.ThrowIfNull(kvm);
        ArgumentNullException.ThrowIfNull(pvec);
        for (int i = 0; i < pvec.Nr; i++)
        {
            kvm.KvmMmuPrepareZapPage(pvec[i].Sp);
        }
    }

    /// <summary>
    /// <c>__mmu_unsync_walk(sp, pvec)</c>: for each set bit, ascending, handle the child first and
    /// clear the bit after. Returns the leaf meetings (a leaf met twice counts twice), or -ENOSPC
    /// at the add that fills the batch (that leaf is in; its bit and those above it stay set).
    /// </summary>
    protected virtual int MmuUnsyncWalkChildren(Kvm kvm, KvmMmuPage sp, KvmMmuPages pvec)
    {
        ArgumentNullException.ThrowIfNull(kvm);
        int nrUnsyncLeaf = 0;
        foreach (int i in kvm.ForEachSetBit(sp))
        {
            var child = sp.ChildAt(i);
            if (!child.IsNull)
            {
                if (child.UnsyncChildren > 0)
                {
                    int ret = MmuUnsyncWalkChildren(kvm, child, pvec);
                    if (ret < 0)
                    {
                        return ret;
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

            // Stale (no link, or a clean child), leaf batched, or subtree done.
            kvm.ClearUnsyncChildBit(sp, i);
        }

        return nrUnsyncLeaf;
    }
}
