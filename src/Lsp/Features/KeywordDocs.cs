namespace MmuDsl.Lsp.Features;

/// <summary>One line of documentation per word of the language (docs/language.md), for hover and completion.</summary>
internal static class KeywordDocs
{
    /// <summary>The statement words, in the order completion offers them, with their one line.</summary>
    public static IReadOnlyList<(string Word, string Doc)> Statements { get; } =
    [
        ("root", "`root R level 4 [gfn N]`: a root shadow page, root_count 1; levels 2..5"),
        ("page", "`page P level 3 [gfn N]`: a shadow page linked nowhere yet; levels 1..5"),
        ("link", "`link P[5] -> C [via fetch]`: P's spte 5 points at C (link_shadow_page); marks P's bit if C is unsync or has unsync children; via fetch syncs C first, as the page-fault path does"),
        ("map", "`map L[5]` / `map P[5] large`: a present 4 KiB leaf spte / a huge-page spte"),
        ("unlink", "`unlink P[5]`: clear the spte (drop_parent_pte); P's unsync bit is left for the walk to clear"),
        ("unsync", "`unsync L`: the guest wrote to L (kvm_unsync_page): L.unsync, stat.unsync++, parents marked; level 1 only"),
        ("sync", "`sync P [interrupt-after N | yield-after N { ... }]`: mmu_sync_children(P): sync every unsync page below P, in batches"),
        ("fail-sync", "`fail-sync L`: L's next kvm_sync_page fails, and L is zapped instead of synced"),
        ("zap", "`zap P`: kvm_mmu_prepare_zap_page + commit: zaps P's unsync children, unlinks P from children and parents"),
        ("zap-unsync-children", "`zap-unsync-children P`: mmu_zap_unsync_children(P)"),
        ("set", "`set pvec 4`: an engine setting (pvec, max_pages, max_loop_iterations, max_call_depth)"),
        ("algorithms", "`algorithms NAME...`: the algorithms this file runs under; only as the main file's first statement"),
        ("let", "`let n = 16`: assign the nearest visible variable n, or declare it in this block"),
        ("for", "`for i in A..B { ... }`: run the block for i = A .. B-1 (bounds evaluated once)"),
        ("proc", "`proc name(a, b) { ... }`: declare a procedure (global, declared once, before it is called)"),
        ("call", "`call name(1, \"P\")`: run a procedure; it sees its parameters and the globals"),
        ("include", "`include \"file.mmu\"`: run another file, its path relative to this one, in this scope"),
        ("echo", "`echo \"text $n\"`: print a line (an output statement: a golden block may follow)"),
        ("show", "`show` / `show P`: print every root's tree / P's subtree (an output statement)"),
        ("stats", "`stats`: print the counters (an output statement)"),
        ("trace", "`trace S`: run statement S and print the engine events it caused (an output statement)"),
        ("expect", "`expect EXPR` / `expect invariants`: fail where EXPR is false / where an invariant (1 to 4, docs/model.md#invariants) is broken"),
    ];

    /// <summary>Every word with a doc line: the statement words and the other keywords.</summary>
    public static IReadOnlyDictionary<string, string> All { get; } = BuildAll();

    private static Dictionary<string, string> BuildAll()
    {
        var all = Statements.ToDictionary(s => s.Word, s => s.Doc, StringComparer.Ordinal);
        all["level"] = "`level N`: the page's level (1 is a leaf page table, 4 or 5 a root)";
        all["gfn"] = "`gfn N`: the guest frame the page shadows (default: the smallest positive one not used yet)";
        all["large"] = "`map P[i] large`: a huge-page spte (P at level 2 or 3)";
        all["interrupt-after"] = "`sync P interrupt-after N`: need_resched after N batches with no yield allowed: returns -EINTR, metadata left as it stands";
        all["in"] = "`for i in A..B` / `0 in R.bitmap`: a loop's range / set membership";
        all["invariants"] = "`expect invariants`: check invariants 1 to 4 (docs/model.md#invariants)";
        all["yield-after"] = "`sync R yield-after N { ... }`: a root's sync drops mmu_lock after N batches, runs the block (another vCPU), and goes on";
        all["stat"] = "`stat.NAME`: a counter (unsync, walks, visits, syncs, zaps, interrupted, warnings, retries, yields, unsync_refused, link_unsync_children)";
        all["true"] = "the boolean true";
        all["false"] = "the boolean false";
        return all;
    }
}
