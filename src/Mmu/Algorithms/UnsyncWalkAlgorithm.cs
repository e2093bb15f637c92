namespace MmuDsl.Mmu.Algorithms;

/// <summary>
/// An unsync-walk algorithm: how <c>mmu_sync_children</c> and <c>mmu_zap_unsync_children</c>
/// update the metadata around the walk. The walk, the batch and marking are the kernel's, in
/// <see cref="ShadowMmu"/>; an algorithm says which parts run. The two real ones are
/// <see cref="LegacyWalk"/> and <see cref="RecursiveWalk"/>; deliberately wrong mutants exist
/// for the explorer's self-check and are never offered by default (<see cref="WalkAlgorithms"/>).
/// </summary>
public abstract class UnsyncWalkAlgorithm
{
    /// <summary>The name scripts and the command line use.</summary>
    public abstract string Name { get; }

    /// <summary>Runs <c>mmu_pages_clear_parents</c> after each leaf of a batch is synced or zapped.</summary>
    public abstract bool ClearsParentsAfterLeaf { get; }

    /// <summary>
    /// The walk clears the bit of a clean child, a gone spte or an empty subtree (the kernel's
    /// lazy clearing). Only a mutant says no.
    /// </summary>
    public virtual bool WalkClearsStaleBits => true;

    /// <summary>
    /// <c>kvm_mmu_mark_parents_unsync</c> marks every parent pte. Only a mutant marks the first
    /// one alone.
    /// </summary>
    public virtual bool MarksEveryParent => true;

    /// <summary>True for the deliberately wrong algorithms the explorer's self-check uses.</summary>
    public virtual bool IsMutant => false;

    /// <inheritdoc/>
    public override string ToString() => Name;
}
