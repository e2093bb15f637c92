using MmuDsl.Mmu.Events;

namespace MmuDsl.Mmu;

/// <summary>Making pages and changing sptes: roots, pages, link, map, unlink.</summary>
public sealed partial class ShadowMmu
{
    /// <summary>Makes a root shadow page (root_count 1), levels 2..5.</summary>
    public ShadowPage CreateRoot(string name, int level, long? gfn = null) => Create(name, level, gfn, isRoot: true);

    /// <summary>Makes a shadow page linked nowhere yet, levels 1..5.</summary>
    public ShadowPage CreatePage(string name, int level, long? gfn = null) => Create(name, level, gfn, isRoot: false);

    private ShadowPage Create(string name, int level, long? gfn, bool isRoot)
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

        long g;
        if (gfn is { } given)
        {
            if (given < 0)
            {
                throw new MmuException(MmuErrorKind.BadArgument, $"gfn {given} of '{name}' is negative; a gfn is never negative");
            }

            if (_gfnLevels.TryGetValue(given, out int mask) && (mask & (1 << level)) != 0)
            {
                var other = _pages.First(p => p.Gfn == given && p.Level == level);
                throw new MmuException(MmuErrorKind.DuplicateGfn, $"gfn 0x{given:x} at level {level} is already shadowed by '{other.Name}' (a (gfn, level) pair names one page)");
            }

            g = given;
        }
        else
        {
            while (_gfnLevels.ContainsKey(_nextFreshGfn))
            {
                _nextFreshGfn++;
            }

            g = _nextFreshGfn;
        }

        int id = _pages.Count;
        AddSyncState(id, level);
        var page = new ShadowPage(this, id, name, level, g, isRoot ? 1 : 0);
        _pages.Add(page);
        _byName.Add(name, page);
        _gfnLevels[g] = _gfnLevels.GetValueOrDefault(g) | (1 << level);
        return page;
    }

    /// <summary>
    /// <c>link_shadow_page</c>: spte <paramref name="index"/> of <paramref name="parent"/> links to
    /// <paramref name="child"/>, which gains the parent pte; if the child is unsync or has unsync
    /// children, the parent's bit is marked and marking climbs.
    /// </summary>
    public void Link(ShadowPage parent, int index, ShadowPage child)
    {
        RequireLive(parent, "link into");
        RequireLive(child, "link");
        RequireIndex(parent, index);
        if (child.Level != parent.Level - 1)
        {
            throw new MmuException(MmuErrorKind.LevelMismatch, $"cannot link '{child.Name}' (level {child.Level}) below '{parent.Name}' (level {parent.Level}): a child must be exactly one level down (level {parent.Level - 1})");
        }

        RequireEmpty(parent, index);
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
