namespace MmuDsl.Mmu.Events;

/// <summary>An spte became present: a link (<c>link_shadow_page</c>), a leaf or a large leaf.</summary>
public sealed record SpteSet(ShadowPage Page, int Index, SpteKind Kind, ShadowPage? Child) : MmuEvent
{
    /// <inheritdoc/>
    public override string Describe() => Kind == SpteKind.Link
        ? $"link_shadow_page {Page.Name}[{Index}] -> {Child!.Name}"
        : $"mmu_spte_set {Page.Name}[{Index}] {(Kind == SpteKind.Large ? "large" : "leaf")}";
}
