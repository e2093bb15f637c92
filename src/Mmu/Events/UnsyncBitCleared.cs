namespace MmuDsl.Mmu.Events;

/// <summary><c>clear_unsync_child_bit(Page, Index)</c>, who called it, and the count right after it.</summary>
/// <remarks>The count is taken when the bit is cleared, not when the event is printed: a walk's events
/// are held until the walk ends, and by then later clears may have lowered the count.</remarks>
public sealed record UnsyncBitCleared(ShadowPage Page, int Index, BitClearer By, int UnsyncChildren) : MmuEvent
{
    /// <inheritdoc/>
    public override string Describe() =>
        $"clear_unsync_child_bit {Page.Name}[{Index}] by {(By == BitClearer.Walk ? "walk" : "mmu_pages_clear_parents")} (unsync_children={UnsyncChildren})";
}
