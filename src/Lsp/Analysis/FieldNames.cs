namespace MmuDsl.Lsp.Analysis;

/// <summary>The page fields and counters (docs/language.md#page-fields, #counters), with one line each (completion and hover).</summary>
internal static class FieldNames
{
    public static IReadOnlyList<(string Name, string Doc)> PageFields { get; } =
    [
        ("unsync", "bool: sp->unsync"),
        ("unsync_children", "int: sp->unsync_children"),
        ("bitmap", "set: the indexes set in sp->unsync_child_bitmap"),
        ("children", "set: the indexes of the sptes that link a child page"),
        ("parents", "int: how many parent sptes point at the page"),
        ("level", "int: the page's level"),
        ("gfn", "int: the page's gfn"),
        ("root_count", "int: the page's root_count"),
        ("zapped", "bool: the page was zapped"),
        ("syncs", "int: how many times kvm_sync_page ran on the page"),
    ];

    public static IReadOnlyList<(string Name, string Doc)> Counters { get; } =
    [
        ("unsync", "kvm->stat.mmu_unsync"),
        ("walks", "mmu_unsync_walk calls"),
        ("visits", "bitmap entries examined by walks"),
        ("syncs", "kvm_sync_page calls"),
        ("zaps", "pages zapped"),
        ("interrupted", "syncs that returned -EINTR"),
        ("warnings", "WARN_ON equivalents fired"),
        ("retries", "page faults retried (RET_PF_RETRY): a `link ... via fetch` whose sync was interrupted"),
        ("yields", "times a root's sync dropped mmu_lock (`yield-after`)"),
        ("unsync_refused", "`unsync` refused: the gfn is write-tracked (shadowed above level 1)"),
        ("link_unsync_children", "links of a child that still had unsync children (the WARN of 6.3, a note)"),
    ];

    public static IReadOnlyList<(string Name, string Doc)> Settings { get; } =
    [
        ("pvec", "the batch capacity of struct kvm_mmu_pages (default 16, at least 2)"),
        ("max_pages", "pages a run may make"),
        ("max_loop_iterations", "loop iterations a run may make"),
        ("max_call_depth", "how deep procedure calls may nest"),
    ];

    /// <summary>A counter's value from a snapshot, or null for an unknown counter.</summary>
    public static long? Counter(Mmu.MmuStatsSnapshot stats, string name) => name switch
    {
        "unsync" => stats.Unsync,
        "walks" => stats.Walks,
        "visits" => stats.Visits,
        "syncs" => stats.Syncs,
        "zaps" => stats.Zaps,
        "interrupted" => stats.Interrupted,
        "warnings" => stats.Warnings,
        "retries" => stats.Retries,
        "yields" => stats.Yields,
        "unsync_refused" => stats.UnsyncRefused,
        "link_unsync_children" => stats.LinkUnsyncChildren,
        _ => null,
    };
}
