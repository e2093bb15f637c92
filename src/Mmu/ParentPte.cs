namespace MmuDsl.Mmu;

/// <summary>An entry of a page's <c>parent_ptes</c>: spte <paramref name="Index"/> of <paramref name="Parent"/> links to the page.</summary>
public readonly record struct ParentPte(ShadowPage Parent, int Index);
