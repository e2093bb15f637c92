namespace MmuDsl.Mmu.Events;

/// <summary><c>mmu_try_to_unsync_pages</c> refused: <paramref name="Tracker"/> shadows the gfn above level 1.</summary>
public sealed record UnsyncRefused(ShadowPage Page, ShadowPage Tracker) : MmuEvent
{
    /// <inheritdoc/>
    public override string Describe() =>
        $"mmu_try_to_unsync_pages gfn 0x{Page.Gfn:x} of {Page.Name}: write-tracked ({Tracker.Name} L{Tracker.Level} shadows it): stays write-protected, nothing unsync";
}
