namespace MmuDsl.Mmu.Algorithms;

// recursive: Lai Jiangshan's patch 04 of 2022-06-05 ("Simpliy mmu_unsync_walk()"), reviewed,
// never merged. Legacy with one call removed; read next to docs/model.md#syncing.

/// <summary>
/// The seed's patch: legacy without <c>mmu_pages_clear_parents</c>. The next
/// <c>mmu_unsync_walk</c> of the same loop finds the synced leaves clean (or their sptes gone)
/// and clears their bits, and those of every subtree that became clean, on its way back up.
/// </summary>
public class RecursiveWalk : LegacyWalk
{
    /// <inheritdoc/>
    public override string Name => "recursive";

    /// <summary>The patch removes the bottom-up clearing: nothing happens after a leaf.</summary>
    protected override void MmuPagesClearParents(Kvm kvm, ref MmuPagePath parents)
    {
    }
}
