namespace MmuDsl.Mmu.Events;

/// <summary><c>link_shadow_page</c> linked a page that still has unsync children: the kernel WARNs (since 6.3).</summary>
public sealed record LinkedWithUnsyncChildren(ShadowPage Parent, int Index, ShadowPage Child, int UnsyncChildren) : MmuEvent
{
    /// <inheritdoc/>
    public override string Describe() =>
        $"WARN link_shadow_page {Parent.Name}[{Index}] -> {Child.Name}: unsync_children={UnsyncChildren} (link-unsync-children; the fault path syncs a page before linking it)";
}
