namespace MmuDsl.Mmu;

/// <summary>
/// A shadow page (<c>struct kvm_mmu_page</c>): the shadow of one guest page-table page, with its
/// sptes, its parent ptes, and the unsync metadata. Read-only to callers; every change goes
/// through <see cref="ShadowMmu"/>, which keeps the metadata and the counters in step.
/// </summary>
public sealed class ShadowPage
{
    private ParentPte _firstParent;
    private bool _hasFirstParent;
    private List<ParentPte>? _moreParents;
    private SpteTable? _sptes;

    // The bitmap is a field, not a property, so that the engine updates it in place.
    internal Bitmap512 UnsyncChildBitmapBits;

    // Every mutator of the sptes and of the parent ptes below tells the engine (Owner.Changed), so
    // that packing re-encodes only the pages an operation changed (ShadowMmu.Pack.cs): keep it so.

    internal ShadowPage(ShadowMmu owner, int id, string name, int level, long gfn, int rootCount)
    {
        Owner = owner;
        Id = id;
        Name = name;
        Level = level;
        Gfn = gfn;
        RootCount = rootCount;
    }

    internal ShadowMmu Owner { get; }

    // Unsync, UnsyncChildren, Syncs and FailNextSync live in the engine's dense array, not here
    // (PageSyncState.cs says why).
    private ref PageSyncState SyncState => ref Owner.SyncStateOf(Id);

    /// <summary>Position in creation order (0-based), stable for the life of the engine.</summary>
    public int Id { get; }

    /// <summary>The page's name in the scenario.</summary>
    public string Name { get; }

    /// <summary><c>role.level</c>: 1 (4 KiB leaf table) to 5.</summary>
    public int Level { get; }

    /// <summary>The guest frame this page shadows.</summary>
    public long Gfn { get; }

    /// <summary>The rest of <c>sp->role</c> besides the level, as a number (0 unless the scenario gave
    /// one): the kernel keeps one page per (gfn, role), so two level-1 pages may shadow one gfn with
    /// different roles (different access bits, say), and go unsync together.</summary>
    public int Role { get; internal init; }

    /// <summary><c>root_count</c>: nonzero while the page is in use as a root.</summary>
    public int RootCount { get; }

    /// <summary>True for a page made as a root.</summary>
    public bool IsRoot => RootCount > 0;

    /// <summary><c>sp->unsync</c>.</summary>
    public bool Unsync
    {
        get => SyncState.Unsync;
        internal set => SyncState.Unsync = value;
    }

    /// <summary><c>sp->unsync_children</c>. Normally the popcount of the bitmap; it can drift
    /// only when a WARN fires (clearing a bit that was not set).</summary>
    public int UnsyncChildren
    {
        get => SyncState.UnsyncChildren;
        internal set => SyncState.UnsyncChildren = value;
    }

    /// <summary>A copy of <c>sp->unsync_child_bitmap</c>.</summary>
    public Bitmap512 UnsyncChildBitmap => UnsyncChildBitmapBits;

    /// <summary><c>role.invalid</c>: the page was zapped.</summary>
    public bool Zapped
    {
        get => SyncState.Zapped;
        internal set => SyncState.Zapped = value;
    }

    /// <summary>How many times <c>kvm_sync_page</c> ran on this page (failed runs included).</summary>
    public int Syncs
    {
        get => SyncState.Syncs;
        internal set => SyncState.Syncs = value;
    }

    /// <summary>The next <c>kvm_sync_page</c> of this page fails (and zaps it).</summary>
    public bool FailNextSync
    {
        get => SyncState.FailNextSync;
        internal set => SyncState.FailNextSync = value;
    }

    /// <summary>Number of parent ptes (sptes of other pages that link here).</summary>
    public int ParentCount => (_hasFirstParent ? 1 : 0) + (_moreParents?.Count ?? 0);

    /// <summary>The parent ptes, in the order they were added.</summary>
    public IReadOnlyList<ParentPte> ParentPtes
    {
        get
        {
            var list = new List<ParentPte>(ParentCount);
            if (_hasFirstParent)
            {
                list.Add(_firstParent);
            }

            if (_moreParents != null)
            {
                list.AddRange(_moreParents);
            }

            return list;
        }
    }

    /// <summary>Parent pte number <paramref name="n"/> (0-based, in order of addition).</summary>
    internal ParentPte ParentAt(int n) => n == 0 ? _firstParent : _moreParents![n - 1];

    /// <summary>Parent pte number <paramref name="n"/>, 0 to <see cref="ParentCount"/> - 1, in order of
    /// addition (the order marking climbs them in); no list is made, unlike <see cref="ParentPtes"/>.</summary>
    public ParentPte ParentPteAt(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(n, ParentCount);
        return ParentAt(n);
    }

    /// <summary>The spte at <paramref name="index"/>.</summary>
    public Spte SpteAt(int index)
    {
        if (_sptes == null || !_sptes.IsPresent(index))
        {
            return Spte.None;
        }

        var child = _sptes.ChildAt(index);
        if (child != null)
        {
            return new Spte(SpteKind.Link, child);
        }

        return new Spte(Level == 1 ? SpteKind.Leaf : SpteKind.Large, null);
    }

    /// <summary>The child that spte <paramref name="index"/> links to, or null.</summary>
    internal ShadowPage? ChildAt(int index) => _sptes?.ChildAt(index);

    /// <summary>The sptes, for the walk; null while none was ever set.</summary>
    internal SpteTable? Sptes => _sptes;

    /// <summary>Lowest present spte index at or above <paramref name="from"/>, or -1.</summary>
    public int NextPresentIndex(int from) => _sptes?.NextPresent(from) ?? -1;

    /// <summary>True when spte <paramref name="index"/> is present.</summary>
    public bool IsPresent(int index) => _sptes != null && _sptes.IsPresent(index);

    /// <summary>Present sptes, ascending, with their contents.</summary>
    public IEnumerable<(int Index, Spte Spte)> PresentSptes()
    {
        if (_sptes == null)
        {
            yield break;
        }

        for (int i = _sptes.NextPresent(0); i >= 0; i = _sptes.NextPresent(i + 1))
        {
            yield return (i, SpteAt(i));
        }
    }

    /// <summary>The indexes of the sptes that link a child page, as a bitmap (a copy, allocating nothing).</summary>
    public Bitmap512 ChildBitmap => _sptes?.Links ?? default;

    /// <summary>Indexes of the sptes that link a child page, ascending.</summary>
    public IReadOnlyList<int> ChildIndexes()
    {
        var list = new List<int>();
        if (_sptes != null)
        {
            for (int i = _sptes.NextLink(0); i >= 0; i = _sptes.NextLink(i + 1))
            {
                list.Add(i);
            }
        }

        return list;
    }

    /// <summary>Number of present sptes.</summary>
    public int PresentCount => _sptes?.PresentCount ?? 0;

    /// <summary>Number of sptes that link a child page (<see cref="ChildIndexes"/> without the list).</summary>
    public int ChildCount => _sptes?.ChildCount ?? 0;

    /// <inheritdoc/>
    public override string ToString() => Name;

    internal void SetLinkSpte(int index, ShadowPage child)
    {
        Owner.Changed(Id);
        (_sptes ??= new SpteTable()).SetLink(index, child);
    }

    internal void SetLeafSpte(int index)
    {
        Owner.Changed(Id);
        (_sptes ??= new SpteTable()).SetLeaf(index);
    }

    internal void ClearSpte(int index)
    {
        Owner.Changed(Id);
        _sptes!.Clear(index);
    }

    /// <summary>Clears every spte (keeping the table for reuse).</summary>
    internal void ResetSptes()
    {
        Owner.Changed(Id);
        _sptes?.Reset();
    }

    /// <summary>Drops every parent pte (keeping the list for reuse).</summary>
    internal void ClearParentPtes()
    {
        Owner.Changed(Id);
        _hasFirstParent = false;
        _firstParent = default;
        _moreParents?.Clear();
    }

    /// <summary>
    /// Takes <paramref name="source"/>'s sptes, parent ptes and bitmap (the dense
    /// fields are copied by the engine); pages are mapped by id into <paramref name="pages"/>.
    /// </summary>
    internal void CopyStateFrom(ShadowPage source, List<ShadowPage> pages)
    {
        Owner.Changed(Id);
        UnsyncChildBitmapBits = source.UnsyncChildBitmapBits;
        _hasFirstParent = source._hasFirstParent;
        _firstParent = source._hasFirstParent ? new ParentPte(pages[source._firstParent.Parent.Id], source._firstParent.Index) : default;
        _moreParents?.Clear();
        if (source._moreParents is { Count: > 0 } more)
        {
            _moreParents ??= new List<ParentPte>(more.Count);
            foreach (var pte in more)
            {
                _moreParents.Add(new ParentPte(pages[pte.Parent.Id], pte.Index));
            }
        }

        if (source._sptes != null)
        {
            (_sptes ??= new SpteTable()).CopyFrom(source._sptes, pages);
        }
        else
        {
            _sptes?.Reset();
        }
    }

    internal void AddParentPte(ParentPte pte)
    {
        Owner.Changed(Id);
        if (!_hasFirstParent)
        {
            _firstParent = pte;
            _hasFirstParent = true;
        }
        else
        {
            (_moreParents ??= new List<ParentPte>(2)).Add(pte);
        }
    }

    internal void RemoveParentPte(ParentPte pte)
    {
        Owner.Changed(Id);
        if (_hasFirstParent && _firstParent == pte)
        {
            if (_moreParents is { Count: > 0 })
            {
                _firstParent = _moreParents[0];
                _moreParents.RemoveAt(0);
            }
            else
            {
                _firstParent = default;
                _hasFirstParent = false;
            }

            return;
        }

        _moreParents?.Remove(pte);
    }
}
