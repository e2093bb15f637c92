namespace MmuDsl.Mmu;

/// <summary>An entry of a batch (<c>struct kvm_mmu_pages</c>): a page and its index in the parent
/// (<see cref="ShadowMmu.InvalidIndex"/> for the walk's root).</summary>
public readonly record struct BatchEntry(ShadowPage Page, int Index)
{
    /// <inheritdoc/>
    public override string ToString() => Index == ShadowMmu.InvalidIndex ? Page.Name : $"{Page.Name}@{Index}";
}
