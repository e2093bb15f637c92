namespace MmuDsl.Mmu.Events;

/// <summary><c>kvm_unsync_page</c>: the page became unsync.</summary>
public sealed record PageUnsynced(ShadowPage Page) : MmuEvent
{
    /// <inheritdoc/>
    public override string Describe() => $"kvm_unsync_page {Page.Name}";
}
