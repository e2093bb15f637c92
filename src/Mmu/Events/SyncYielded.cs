namespace MmuDsl.Mmu.Events;

/// <summary><c>mmu_sync_children(can_yield = true)</c> dropped mmu_lock after <paramref name="Batches"/> batches (other vCPUs run), then goes on.</summary>
public sealed record SyncYielded(ShadowPage Parent, int Batches) : MmuEvent
{
    /// <inheritdoc/>
    public override string Describe() => $"mmu_sync_children {Parent.Name}: need_resched after {(Batches == 1 ? "1 batch" : $"{Batches} batches")}: cond_resched_rwlock_write (mmu_lock dropped)";
}
