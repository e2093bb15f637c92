namespace MmuDsl.Mmu.Events;

/// <summary>Who cleared a bit of an <c>unsync_child_bitmap</c>.</summary>
public enum BitClearer
{
    /// <summary><c>__mmu_unsync_walk</c>, finding a clean child, a gone spte or an empty subtree.</summary>
    Walk,

    /// <summary><c>mmu_pages_clear_parents</c>, the bottom-up update after a synced or zapped leaf (legacy).</summary>
    ClearParents,
}
