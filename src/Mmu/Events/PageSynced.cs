namespace MmuDsl.Mmu.Events;

/// <summary><c>kvm_sync_page</c> ran on a leaf of a batch; when it failed the page is zapped next.</summary>
public sealed record PageSynced(ShadowPage Page, bool Failed) : MmuEvent
{
    /// <inheritdoc/>
    public override string Describe() => Failed ? $"kvm_sync_page {Page.Name} failed: zap" : $"kvm_sync_page {Page.Name}";
}
