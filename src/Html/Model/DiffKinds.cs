namespace MmuDsl.Html.Model;

/// <summary>What differs between the algorithms after a statement.</summary>
[Flags]
internal enum DiffKinds
{
    None = 0,

    /// <summary>Unsync pages, syncs per page, zapped pages or stat.unsync.</summary>
    Semantic = 1,

    /// <summary>A bitmap or an unsync_children count.</summary>
    Metadata = 2,

    /// <summary>stat.walks or stat.visits.</summary>
    Work = 4,

    /// <summary>The sptes (a page's links), or which pages exist.</summary>
    Structure = 8,
}
