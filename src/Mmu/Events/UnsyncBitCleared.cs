namespace MmuDsl.Mmu.Events;

/// <summary><c>clear_unsync_child_bit(Page, Index)</c>, and who called it.</summary>
public sealed record UnsyncBitCleared(ShadowPage Page, int Index, BitClearer By) : MmuEvent
{
    /// <inheritdoc/>
    public override string Describe() =>
        $"clear_unsync_child_bit {Page.Name}[{Index}] by {(By == BitClearer.Walk ? "walk" : "mmu_pages_clear_parents")} (unsync_children={Page.UnsyncChildren})";
}
