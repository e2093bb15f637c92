namespace MmuDsl.Mmu;

/// <summary>
/// The sptes of one shadow page (<c>sp->spt</c>), stored sparsely: a bitmap of present sptes, a
/// bitmap of the present ones that link a child, and the children packed in index order (the
/// child of spte i sits at the rank of i among the link bits). Each child's id sits beside it at
/// the same rank, so that the walk finds the child's <see cref="PageSyncState"/> without touching
/// the child object (PageSyncState.cs says why). A page with 64 children costs about 1 KiB
/// instead of the 4 KiB of a dense table, and a level-1 page without leaves has no table at all.
/// </summary>
internal sealed class SpteTable
{
    private Bitmap512 _present;
    private Bitmap512 _links;
    private ShadowPage[] _children = [];
    private int[] _childIds = [];
    private int _childCount;

    /// <summary>Number of present sptes.</summary>
    public int PresentCount { get; private set; }

    /// <summary>Number of sptes that link a child.</summary>
    public int ChildCount => _childCount;

    public bool IsPresent(int index) => _present.IsSet(index);

    public bool IsLink(int index) => _links.IsSet(index);

    /// <summary>The indexes that link a child, as a bitmap (a copy).</summary>
    public Bitmap512 Links => _links;

    /// <summary>The child that spte <paramref name="index"/> links to, or null.</summary>
    public ShadowPage? ChildAt(int index)
    {
        if (!_links.IsSet(index))
        {
            return null;
        }

        return _children[_links.CountBelow(index)];
    }

    /// <summary>The rank of spte <paramref name="index"/> among the sptes that link a child (its
    /// place in <see cref="ChildAtRank"/> and <see cref="ChildIdAtRank"/>), or -1 if it links none.</summary>
    public int LinkRank(int index) => _links.IsSet(index) ? _links.CountBelow(index) : -1;

    /// <summary>The child at <paramref name="rank"/> (see <see cref="LinkRank"/>).</summary>
    public ShadowPage ChildAtRank(int rank) => _children[rank];

    /// <summary>The id of the child at <paramref name="rank"/> (see <see cref="LinkRank"/>).</summary>
    public int ChildIdAtRank(int rank) => _childIds[rank];

    /// <summary>Lowest present spte index at or above <paramref name="from"/>, or -1.</summary>
    public int NextPresent(int from) => _present.NextSetBit(from);

    /// <summary>Lowest linking spte index at or above <paramref name="from"/>, or -1.</summary>
    public int NextLink(int from) => _links.NextSetBit(from);

    public void SetLink(int index, ShadowPage child)
    {
        int rank = _links.CountBelow(index);
        if (_childCount == _children.Length)
        {
            int capacity = Math.Min(Bitmap512.Size, Math.Max(4, _children.Length * 2));
            Array.Resize(ref _children, capacity);
            Array.Resize(ref _childIds, capacity);
        }

        Array.Copy(_children, rank, _children, rank + 1, _childCount - rank);
        Array.Copy(_childIds, rank, _childIds, rank + 1, _childCount - rank);
        _children[rank] = child;
        _childIds[rank] = child.Id;
        _childCount++;
        _links.Set(index);
        _present.Set(index);
        PresentCount++;
    }

    public void SetLeaf(int index)
    {
        _present.Set(index);
        PresentCount++;
    }

    /// <summary>Clears spte <paramref name="index"/> (which must be present).</summary>
    public void Clear(int index)
    {
        if (_links.IsSet(index))
        {
            int rank = _links.CountBelow(index);
            Array.Copy(_children, rank + 1, _children, rank, _childCount - rank - 1);
            Array.Copy(_childIds, rank + 1, _childIds, rank, _childCount - rank - 1);
            _childCount--;
            _children[_childCount] = null!;
            _links.Clear(index);
        }

        _present.Clear(index);
        PresentCount--;
    }

    /// <summary>Takes <paramref name="source"/>'s sptes, its children mapped by id into <paramref name="pages"/>.</summary>
    public void CopyFrom(SpteTable source, List<ShadowPage> pages)
    {
        _present = source._present;
        _links = source._links;
        PresentCount = source.PresentCount;
        if (_children.Length < source._childCount)
        {
            _children = new ShadowPage[source._children.Length];
            _childIds = new int[source._children.Length];
        }

        Array.Clear(_children, source._childCount, Math.Max(0, _childCount - source._childCount));
        _childCount = source._childCount;
        for (int r = 0; r < _childCount; r++)
        {
            int id = source._childIds[r];
            _childIds[r] = id;
            _children[r] = pages[id];
        }
    }

    /// <summary>Clears every spte.</summary>
    public void Reset()
    {
        Array.Clear(_children, 0, _childCount);
        _childCount = 0;
        _present = default;
        _links = default;
        PresentCount = 0;
    }
}
