namespace MmuDsl.Mmu.Events;

/// <summary>An spte was cleared (<c>drop_parent_pte</c> for a link); the parent's unsync bit is left alone.</summary>
public sealed record SpteCleared(ShadowPage Page, int Index, ShadowPage? Child) : MmuEvent
{
    /// <inheritdoc/>
    public override string Describe() => Child != null
        ? $"drop_parent_pte {Page.Name}[{Index}] -> {Child.Name}"
        : $"mmu_spte_clear {Page.Name}[{Index}]";
}
