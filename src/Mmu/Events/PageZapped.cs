namespace MmuDsl.Mmu.Events;

/// <summary><c>kvm_mmu_prepare_zap_page</c> finished with the page: it is invalid now.</summary>
public sealed record PageZapped(ShadowPage Page) : MmuEvent
{
    /// <inheritdoc/>
    public override string Describe() => $"kvm_mmu_prepare_zap_page {Page.Name}";
}
