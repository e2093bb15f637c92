namespace MmuDsl.Mmu.Events;

/// <summary><c>FNAME(fetch)</c>: the sync of <paramref name="Child"/> before linking it returned -EINTR; nothing linked.</summary>
public sealed record FetchRetried(ShadowPage Parent, int Index, ShadowPage Child) : MmuEvent
{
    /// <inheritdoc/>
    public override string Describe() => $"FNAME(fetch) {Parent.Name}[{Index}] -> {Child.Name}: mmu_sync_children {Child.Name} = -EINTR: RET_PF_RETRY, nothing linked";
}
