namespace MmuDsl.Mmu.Events;

/// <summary><c>mmu_sync_children</c> (or, with <paramref name="Zap"/>, <c>mmu_zap_unsync_children</c>) began on a page.</summary>
public sealed record SyncStarted(ShadowPage Parent, bool Zap) : MmuEvent
{
    /// <inheritdoc/>
    public override string Describe() => $"{(Zap ? "mmu_zap_unsync_children" : "mmu_sync_children")} {Parent.Name}";
}
