namespace MmuDsl.Mmu;

/// <summary>One spte of a shadow page: its kind and, for a link, the child page.</summary>
public readonly record struct Spte(SpteKind Kind, ShadowPage? Child)
{
    /// <summary>A not-present spte.</summary>
    public static Spte None => default;

    /// <summary>True unless the spte is not present.</summary>
    public bool IsPresent => Kind != SpteKind.None;
}
