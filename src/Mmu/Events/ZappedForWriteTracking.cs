namespace MmuDsl.Mmu.Events;

/// <summary><c>kvm_mmu_get_shadow_page</c> of a page above level 1 zaps the unsync level-1 pages of its gfn, which becomes write-tracked.</summary>
public sealed record ZappedForWriteTracking(ShadowPage Leaf, string NewPage, int NewLevel) : MmuEvent
{
    /// <inheritdoc/>
    public override string Describe() =>
        $"kvm_mmu_get_shadow_page {NewPage} L{NewLevel} gfn 0x{Leaf.Gfn:x}: the gfn becomes write-tracked: zap unsync {Leaf.Name}";
}
