namespace MmuDsl.Mmu.Algorithms;

/// <summary>
/// A pointer to an spte, as <c>sp->parent_ptes</c> holds them (<c>u64 *sptep</c>): spte
/// <see cref="Index"/> of page <see cref="Sp"/>. The kernel derives both from the pointer
/// (<c>sptep_to_sp</c>, <c>spte_index</c>); here they are the two fields.
/// </summary>
/// <param name="Sp"><c>sptep_to_sp(sptep)</c>: the page that holds the spte.</param>
/// <param name="Index"><c>spte_index(sptep)</c>: its index in that page, 0..511.</param>
public readonly record struct Sptep(KvmMmuPage Sp, int Index)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Sp}[{Index}]";
}
