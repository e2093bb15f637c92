namespace MmuDsl.Mmu;

/// <summary>One bitmap entry a walk examined: bit <paramref name="Index"/> of <paramref name="Page"/>'s <c>unsync_child_bitmap</c>.</summary>
public readonly record struct WalkVisit(ShadowPage Page, int Index)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Page.Name}[{Index}]";
}
