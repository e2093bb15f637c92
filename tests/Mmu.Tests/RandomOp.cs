namespace MmuDsl.Mmu.Tests;

/// <summary>What a <see cref="RandomOp"/> does.</summary>
internal enum RandomOpKind
{
    BatchCapacity,
    CreateRoot,
    CreatePage,
    Link,
    MapLeaf,
    MapLarge,
    Unlink,
    Unsync,
    FailSync,
    Sync,
    Zap,
    ZapUnsyncChildren,
}

/// <summary>
/// One engine operation of a random run, by page name so that it applies to any engine holding
/// pages of those names. <see cref="ToString"/> prints it as a statement of the .mmu language, so
/// a failing run's sequence can be pasted into a scenario file and replayed.
/// </summary>
internal sealed record RandomOp(
    RandomOpKind Kind,
    string Page = "",
    int Level = 0,
    int Index = 0,
    string Child = "",
    int InterruptAfter = 0)
{
    public override string ToString() => Kind switch
    {
        RandomOpKind.BatchCapacity => $"set pvec {Index}",
        RandomOpKind.CreateRoot => $"root {Page} level {Level}",
        RandomOpKind.CreatePage => $"page {Page} level {Level}",
        RandomOpKind.Link => $"link {Page}[{Index}] -> {Child}",
        RandomOpKind.MapLeaf => $"map {Page}[{Index}]",
        RandomOpKind.MapLarge => $"map {Page}[{Index}] large",
        RandomOpKind.Unlink => $"unlink {Page}[{Index}]",
        RandomOpKind.Unsync => $"unsync {Page}",
        RandomOpKind.FailSync => $"fail-sync {Page}",
        RandomOpKind.Sync => InterruptAfter > 0 ? $"sync {Page} interrupt-after {InterruptAfter}" : $"sync {Page}",
        RandomOpKind.Zap => $"zap {Page}",
        RandomOpKind.ZapUnsyncChildren => $"zap-unsync-children {Page}",
        _ => Kind.ToString(),
    };

    /// <summary>Applies the operation; returns the outcome of a sync or zap loop, else null.</summary>
    public SyncOutcome? ApplyTo(ShadowMmu mmu)
    {
        switch (Kind)
        {
            case RandomOpKind.BatchCapacity:
                mmu.BatchCapacity = Index;
                return null;
            case RandomOpKind.CreateRoot:
                mmu.CreateRoot(Page, Level);
                return null;
            case RandomOpKind.CreatePage:
                mmu.CreatePage(Page, Level);
                return null;
            case RandomOpKind.Link:
                mmu.Link(mmu.Page(Page), Index, mmu.Page(Child));
                return null;
            case RandomOpKind.MapLeaf:
                mmu.MapLeaf(mmu.Page(Page), Index);
                return null;
            case RandomOpKind.MapLarge:
                mmu.MapLarge(mmu.Page(Page), Index);
                return null;
            case RandomOpKind.Unlink:
                mmu.Unlink(mmu.Page(Page), Index);
                return null;
            case RandomOpKind.Unsync:
                mmu.Unsync(mmu.Page(Page));
                return null;
            case RandomOpKind.FailSync:
                mmu.FailNextSync(mmu.Page(Page));
                return null;
            case RandomOpKind.Sync:
                return mmu.SyncChildren(mmu.Page(Page), InterruptAfter > 0 ? InterruptAfter : null);
            case RandomOpKind.Zap:
                mmu.Zap(mmu.Page(Page));
                return null;
            case RandomOpKind.ZapUnsyncChildren:
                return mmu.ZapUnsyncChildren(mmu.Page(Page));
            default:
                throw new InvalidOperationException($"unknown op {Kind}");
        }
    }

    /// <summary>
    /// Whether the engine would accept the operation (the engine's own preconditions, checked
    /// without calling it), for an engine whose structure may have diverged from the one the
    /// operation was chosen from.
    /// </summary>
    public bool IsValidIn(ShadowMmu mmu)
    {
        var page = mmu.FindPage(Page);
        switch (Kind)
        {
            case RandomOpKind.BatchCapacity:
            case RandomOpKind.CreateRoot:
            case RandomOpKind.CreatePage:
                return Kind == RandomOpKind.BatchCapacity || page == null;
            case RandomOpKind.Link:
                var child = mmu.FindPage(Child);
                return page is { Zapped: false } && child is { Zapped: false } && child.Level == page.Level - 1 && !page.IsPresent(Index);
            case RandomOpKind.MapLeaf:
                return page is { Zapped: false, Level: 1 } && !page.IsPresent(Index);
            case RandomOpKind.MapLarge:
                return page is { Zapped: false, Level: 2 or 3 } && !page.IsPresent(Index);
            case RandomOpKind.Unlink:
                return page is { Zapped: false } && page.IsPresent(Index);
            case RandomOpKind.Unsync:
            case RandomOpKind.FailSync:
                return page is { Zapped: false, Level: 1 };
            default:
                return page is { Zapped: false };
        }
    }
}
