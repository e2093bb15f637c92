using System.Runtime.InteropServices;
using MmuDsl.Mmu.Events;

namespace MmuDsl.Mmu;

/// <summary>Making pages and changing sptes: roots, pages, link, map, unlink.</summary>
public sealed partial class ShadowMmu
{
    /// <summary>Makes a root shadow page (root_count 1), levels 2..5.</summary>
    public ShadowPage CreateRoot(string name, int level, long? gfn = null, int role = 0) => Create(name, level, gfn, role, isRoot: true);

    /// <summary>Makes a shadow page linked nowhere yet, levels 1..5.</summary>
    public ShadowPage CreatePage(string name, int level, long? gfn = null, int role = 0) => Create(name, level, gfn, role, isRoot: false);

    /// <summary>
    /// <c>kvm_mmu_get_shadow_page</c>, with the page's name: a page for (gfn, level, role), which
    /// must be new. A page above level 1 makes its gfn write-tracked: the unsync level-1 pages of
    /// that gfn are zapped first, as the kernel does when it shadows a guest table at a higher level.
    /// </summary>
    private ShadowPage Create(string name, int level, long? gfn, int role, bool isRoot)
    {
        ArgumentNullException.ThrowIfNull(name);
        int minLevel = isRoot ? 2 : 1;
        if (level < minLevel || level > 5)
        {
            throw new MmuException(MmuErrorKind.BadLevel, $"{(isRoot ? "root" : "page")} '{name}' has level {level}; allowed: {minLevel}..5");
        }

        if (_byName.ContainsKey(name))
        {
            throw new MmuException(MmuErrorKind.DuplicateName, $"a page named '{name}' already exists");
        }

        if (role < 0)
        {
            throw new MmuException(MmuErrorKind.BadArgument, $"role {role} of '{name}' is negative; a role is a number from 0 up");
        }

        long g;
        if (gfn is { } given)
        {
            if (given < 0)
            {
                throw new MmuException(MmuErrorKind.BadArgument, $"gfn {given} of '{name}' is negative; a gfn is never negative");
            }

            if (_identities.Contains((given, level, role)))
            {
                var other = _pages.First(p => p.Gfn == given && p.Level == level && p.Role == role);
                throw new MmuException(
                    MmuErrorKind.DuplicateGfn,
                    role == 0
                        ? $"gfn 0x{given:x} at level {level} is already shadowed by '{other.Name}' (a (gfn, level) pair names one page; give a level-1 page another role to shadow one gfn twice)"
                        : $"gfn 0x{given:x} at level {level} with role {role} is already shadowed by '{other.Name}' (a (gfn, level, role) names one page)");
            }

            g = given;
        }
        else
        {
            while (HasPagesOfGfn(_nextFreshGfn))
            {
                _nextFreshGfn++;
            }

            g = _nextFreshGfn;
        }

        if (level > 1)
        {
            ZapUnsyncForWriteTracking(g, name, level);
        }

        int id = _pages.Count;
        var page = new ShadowPage(this, id, name, level, g, isRoot ? 1 : 0) { Role = role };
        AddPage(page);
        _byName.Add(name, page);
        _identities.Add((g, level, role));
        return page;
    }

    /// <summary>
    /// A page above level 1 is about to shadow <paramref name="gfn"/>: it becomes write-tracked, so
    /// each unsync level-1 page of that gfn is zapped (kvm_mmu_prepare_zap_page), in creation order.
    /// </summary>
    private void ZapUnsyncForWriteTracking(long gfn, string name, int level)
    {
        // Zapping makes and removes no page, so the chain stays as it is while it is walked.
        foreach (int id in PageIdsOfGfn(gfn))
        {
            var leaf = _pages[id];
            if (leaf.Level == 1 && !leaf.Zapped && leaf.Unsync)
            {
                if (Observer != null)
                {
                    Emit(new ZappedForWriteTracking(leaf, name, level));
                }

                PrepareZap(leaf);
            }
        }
    }

    /// <summary>
    /// The live pages above level 1 that shadow <paramref name="gfn"/>, or null: the gfn is
    /// write-tracked while one exists.
    /// </summary>
    private ShadowPage? WriteTracker(long gfn)
    {
        foreach (int id in PageIdsOfGfn(gfn))
        {
            var page = _pages[id];
            if (page.Level > 1 && !page.Zapped)
            {
                return page;
            }
        }

        return null;
    }

    /// <summary>
    /// <c>link_shadow_page</c>: spte <paramref name="index"/> of <paramref name="parent"/> links to
    /// <paramref name="child"/>, which gains the parent pte; if the child is unsync or has unsync
    /// children, the parent's bit is marked and marking climbs. A child that still has unsync
    /// children is linked (a state built by hand may need it) but counted and traced as the
    /// kernel's WARN since 6.3 (<see cref="MmuStats.LinkUnsyncChildren"/>); the fault path,
    /// <see cref="Fetch"/>, syncs such a child first.
    /// </summary>
    public void Link(ShadowPage parent, int index, ShadowPage child)
    {
        CheckLink(parent, index, child);
        parent.SetLinkSpte(index, child);
        child.AddParentPte(new ParentPte(parent, index));
        if (Observer != null)
        {
            Emit(new SpteSet(parent, index, SpteKind.Link, child));
        }

        if (child.UnsyncChildren > 0 || child.Unsync)
        {
            MarkUnsync(parent, index);
        }

        if (child.UnsyncChildren > 0)
        {
            // WARN_ON_ONCE since 6.3: the fault path syncs such a page before linking it (Fetch).
            Stats.LinkUnsyncChildren++;
            if (Observer != null)
            {
                Emit(new LinkedWithUnsyncChildren(parent, index, child, child.UnsyncChildren));
            }
        }
    }

    /// <summary>
    /// The page-fault path's link (<c>FNAME(fetch)</c>): a child with unsync children is synced
    /// first, without yielding (<c>mmu_sync_children(child, can_yield = false)</c>, which returns
    /// -EINTR when need_resched after <paramref name="interruptAfterBatches"/> batches); when that
    /// sync is interrupted, nothing is linked and the fault is retried
    /// (<see cref="FetchOutcome.Retried"/>); otherwise the child is linked (<see cref="Link"/>).
    /// Everything is checked before anything changes.
    /// </summary>
    public FetchOutcome Fetch(ShadowPage parent, int index, ShadowPage child, int? interruptAfterBatches = null)
    {
        CheckLink(parent, index, child);
        if (interruptAfterBatches is < 1)
        {
            throw new MmuException(MmuErrorKind.BadArgument, $"cannot link '{child.Name}' with interrupt-after {interruptAfterBatches}: interrupt-after must be at least 1 batch");
        }

        if (child.UnsyncChildren > 0 && RunLoop(child, zap: false, interruptAfterBatches, yieldAfterBatches: null, atYield: null) == SyncOutcome.Interrupted)
        {
            Stats.Retries++;
            if (Observer != null)
            {
                Emit(new FetchRetried(parent, index, child));
            }

            return FetchOutcome.Retried;
        }

        Link(parent, index, child);
        return FetchOutcome.Linked;
    }

    private void CheckLink(ShadowPage parent, int index, ShadowPage child)
    {
        RequireLive(parent, "link into");
        RequireLive(child, "link");
        RequireIndex(parent, index);
        if (child.Level != parent.Level - 1)
        {
            throw new MmuException(MmuErrorKind.LevelMismatch, $"cannot link '{child.Name}' (level {child.Level}) below '{parent.Name}' (level {parent.Level}): a child must be exactly one level down (level {parent.Level - 1})");
        }

        RequireEmpty(parent, index);
    }

    /// <summary>A present 4 KiB leaf spte in a level-1 page.</summary>
    public void MapLeaf(ShadowPage page, int index)
    {
        RequireLive(page, "map into");
        RequireIndex(page, index);
        if (page.Level != 1)
        {
            throw new MmuException(MmuErrorKind.LevelMismatch, $"cannot map a 4 KiB leaf in '{page.Name}' (level {page.Level}): leaves live in level-1 pages; use 'large' at levels 2 and 3");
        }

        RequireEmpty(page, index);
        page.SetLeafSpte(index);
        if (Observer != null)
        {
            Emit(new SpteSet(page, index, SpteKind.Leaf, null));
        }
    }

    /// <summary>A huge-page leaf spte in a level-2 or level-3 page.</summary>
    public void MapLarge(ShadowPage page, int index)
    {
        RequireLive(page, "map into");
        RequireIndex(page, index);
        if (page.Level is not (2 or 3))
        {
            throw new MmuException(MmuErrorKind.LevelMismatch, $"cannot map a large leaf in '{page.Name}' (level {page.Level}): huge pages are mapped at levels 2 and 3");
        }

        RequireEmpty(page, index);
        page.SetLeafSpte(index);
        if (Observer != null)
        {
            Emit(new SpteSet(page, index, SpteKind.Large, null));
        }
    }

    /// <summary>
    /// Clears spte <paramref name="index"/> of <paramref name="page"/> (<c>drop_parent_pte</c> for a
    /// link). The page's unsync bit <paramref name="index"/> is left set: the walk clears it lazily.
    /// </summary>
    public void Unlink(ShadowPage page, int index)
    {
        RequireLive(page, "unlink from");
        RequireIndex(page, index);
        if (!page.IsPresent(index))
        {
            throw new MmuException(MmuErrorKind.SlotEmpty, $"cannot unlink '{page.Name}[{index}]': the spte is not present");
        }

        ClearSpte(page, index);
    }

    private void ClearSpte(ShadowPage page, int index)
    {
        var child = page.ChildAt(index);
        child?.RemoveParentPte(new ParentPte(page, index));
        page.ClearSpte(index);
        if (Observer != null)
        {
            Emit(new SpteCleared(page, index, child));
        }
    }

    private static void RequireEmpty(ShadowPage page, int index)
    {
        if (page.IsPresent(index))
        {
            var spte = page.SpteAt(index);
            string what = spte.Kind switch
            {
                SpteKind.Link => $"links '{spte.Child!.Name}'",
                SpteKind.Large => "holds a large leaf",
                _ => "holds a leaf",
            };
            throw new MmuException(MmuErrorKind.SlotOccupied, $"spte '{page.Name}[{index}]' is already present (it {what}); unlink it first");
        }
    }
}
