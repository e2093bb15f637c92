namespace MmuDsl.Mmu.Events;

/// <summary>A sync (or zap) loop ended after <paramref name="Batches"/> batches.</summary>
public sealed record SyncFinished(ShadowPage Parent, bool Zap, SyncOutcome Outcome, int Batches) : MmuEvent
{
    /// <inheritdoc/>
    public override string Describe()
    {
        string name = Zap ? "mmu_zap_unsync_children" : "mmu_sync_children";
        string batches = Batches == 1 ? "1 batch" : $"{Batches} batches";
        return Outcome switch
        {
            SyncOutcome.Done => $"{name} {Parent.Name} = 0 after {batches}",
            SyncOutcome.Interrupted => $"{name} {Parent.Name} = -EINTR after {batches} (KVM_REQ_MMU_SYNC)",
            _ => $"{name} {Parent.Name} stopped after {batches}: no progress",
        };
    }
}
