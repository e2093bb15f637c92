namespace MmuDsl.Mmu.Events;

/// <summary><c>mark_unsync</c> set bit <paramref name="Index"/> of <paramref name="Page"/>; the count right after it.</summary>
public sealed record UnsyncBitMarked(ShadowPage Page, int Index, int UnsyncChildren) : MmuEvent
{
    /// <inheritdoc/>
    public override string Describe() => $"mark_unsync {Page.Name}[{Index}] (unsync_children={UnsyncChildren})";
}
