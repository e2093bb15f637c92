namespace MmuDsl.Mmu.Algorithms;

/// <summary>
/// An unsync-walk algorithm: the functions of mmu.c that differ between proposals, as methods
/// with the kernel's names. The engine runs everything else (making and linking pages, the sync
/// and zap loops with their -EINTR and no-progress handling, <c>kvm_sync_page</c>, zapping) and
/// calls these at the points where the kernel calls them:
/// <list type="bullet">
/// <item><see cref="MmuUnsyncWalk"/>: each walk of <c>mmu_sync_children</c> and <c>mmu_zap_unsync_children</c>;</item>
/// <item><see cref="MmuSyncChildrenBatch"/>: what <c>mmu_sync_children</c> does with each batch the walk filled;</item>
/// <item><see cref="MmuZapUnsyncChildrenBatch"/>: what <c>mmu_zap_unsync_children</c> does with each batch;</item>
/// <item><see cref="MarkUnsync"/> (from <c>link_shadow_page</c>) and <see cref="KvmMmuMarkParentsUnsync"/>
/// (from <c>kvm_unsync_page</c>): marking; the kernel's, unless an algorithm changes it.</item>
/// </list>
/// An algorithm keeps no state of its own: one instance serves every engine, on several threads
/// at once (the explorer). It reads and changes the engine only through <see cref="Kvm"/> and
/// <see cref="KvmMmuPage"/>; whatever it breaks, the invariants catch like any other bug.
/// src/Mmu/Algorithms/README.md says how to add one; docs/algorithms.md is the API, member by member.
/// </summary>
public abstract class UnsyncWalkAlgorithm
{
    /// <summary>-ENOSPC: the walk's result when the batch filled up.</summary>
    protected const int ENOSPC = -ShadowMmu.Enospc;

    /// <summary><c>INVALID_INDEX</c>: the index of an entry that has none (the walk's root).</summary>
    protected const int INVALID_INDEX = ShadowMmu.InvalidIndex;

    /// <summary>The name scripts and the command line use: an identifier (<c>[A-Za-z_][A-Za-z0-9_]*</c>).</summary>
    public abstract string Name { get; }

    /// <summary>True for the deliberately wrong algorithms the explorer's self-check uses.</summary>
    public virtual bool IsMutant => false;

    /// <summary>
    /// <c>mmu_unsync_walk(sp, pvec)</c>: fills <paramref name="pvec"/> (handed over empty) with
    /// what is to be synced or zapped below <paramref name="sp"/>; returns a count of unsync
    /// leaves found, 0 when there is nothing left, or -ENOSPC when the batch filled up. The loops
    /// only compare the result with 0: they stop at 0 and otherwise process the batch and walk
    /// again. The engine counts the walk (<c>stat.walks</c>).
    /// </summary>
    public abstract int MmuUnsyncWalk(Kvm kvm, KvmMmuPage sp, KvmMmuPages pvec);

    /// <summary>
    /// The body of <c>mmu_sync_children</c>'s loop for one batch the walk filled: for each leaf,
    /// <c>kvm_unlink_unsync_page</c> and <c>kvm_sync_page</c>, and any clearing the algorithm does
    /// after them. (The write-protection of the leaves' gfns is not modelled.)
    /// </summary>
    public abstract void MmuSyncChildrenBatch(Kvm kvm, KvmMmuPages pvec);

    /// <summary>The body of <c>mmu_zap_unsync_children</c>'s loop for one batch: zap each leaf
    /// (<see cref="Kvm.KvmMmuPrepareZapPage"/>), and any clearing the algorithm does after.</summary>
    public abstract void MmuZapUnsyncChildrenBatch(Kvm kvm, KvmMmuPages pvec);

    /// <summary>
    /// <c>mark_unsync(spte)</c>: set bit <c>spte_index</c> of <c>sptep_to_sp</c>; stop if it was
    /// already set; count it; and climb to that page's own parents only when its count went from
    /// 0 to 1. The engine calls it from <c>link_shadow_page</c> when the child is unsync or has
    /// unsync children.
    /// </summary>
    public virtual void MarkUnsync(Kvm kvm, Sptep spte)
    {
        ArgumentNullException.ThrowIfNull(kvm);
        if (kvm.MarkUnsyncChildBit(spte.Sp, spte.Index) != 0)
        {
            return;
        }

        KvmMmuMarkParentsUnsync(kvm, spte.Sp);
    }

    /// <summary>
    /// <c>kvm_mmu_mark_parents_unsync(sp)</c>: <see cref="MarkUnsync"/> every parent pte of
    /// <paramref name="sp"/>, in order. The engine calls it from <c>kvm_unsync_page</c>.
    /// </summary>
    public virtual void KvmMmuMarkParentsUnsync(Kvm kvm, KvmMmuPage sp)
    {
        for (int n = 0; n < sp.ParentPteCount; n++)
        {
            MarkUnsync(kvm, sp.ParentPte(n));
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
