namespace MmuDsl.Mmu;

/// <summary>What one of a shadow page's 512 sptes holds.</summary>
public enum SpteKind : byte
{
    /// <summary>Not present.</summary>
    None,

    /// <summary>A link to a child shadow page one level down.</summary>
    Link,

    /// <summary>A present 4 KiB leaf (level-1 pages only).</summary>
    Leaf,

    /// <summary>A huge-page leaf (levels 2 and 3).</summary>
    Large,
}
