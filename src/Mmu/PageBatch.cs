namespace MmuDsl.Mmu;

/// <summary>
/// <c>struct kvm_mmu_pages</c> ("pvec"): the batch one walk fills, at most
/// <see cref="Capacity"/> entries (the kernel's KVM_PAGE_ARRAY_NR is 16). Beside each entry it
/// keeps the page's id and level, so that the sync loop reaches the page's
/// <see cref="PageSyncState"/> without touching the page object (PageSyncState.cs says why).
/// </summary>
internal sealed class PageBatch
{
    private BatchEntry[] _entries;
    private int[] _pageIds;
    private byte[] _levels;

    public PageBatch(int capacity)
    {
        _entries = new BatchEntry[capacity];
        _pageIds = new int[capacity];
        _levels = new byte[capacity];
    }

    public int Capacity => _entries.Length;

    public int Count { get; private set; }

    public BatchEntry this[int n] => _entries[n];

    /// <summary>The id of the page of entry <paramref name="n"/>.</summary>
    public int PageIdAt(int n) => _pageIds[n];

    /// <summary>The level of the page of entry <paramref name="n"/>.</summary>
    public int LevelAt(int n) => _levels[n];

    /// <summary>Empties the batch, resizing it if the capacity setting changed.</summary>
    public void Reset(int capacity)
    {
        if (capacity != _entries.Length)
        {
            _entries = new BatchEntry[capacity];
            _pageIds = new int[capacity];
            _levels = new byte[capacity];
        }
        else
        {
            Array.Clear(_entries, 0, Count);
        }

        Count = 0;
    }

    /// <summary>
    /// <c>mmu_pages_add</c>: an unsync page already in the batch is not added again (returns
    /// false); otherwise the entry is appended and the result says whether the batch is full.
    /// <paramref name="state"/> is the page's, <paramref name="pageId"/> its id.
    /// </summary>
    public bool Add(ShadowPage page, int pageId, in PageSyncState state, int index)
    {
        if (state.Unsync)
        {
            for (int n = 0; n < Count; n++)
            {
                if (_pageIds[n] == pageId)
                {
                    return false;
                }
            }
        }

        _pageIds[Count] = pageId;
        _levels[Count] = state.Level;
        _entries[Count++] = new BatchEntry(page, index);
        return Count == _entries.Length;
    }

    /// <summary>True when some entry is a level-1 page (a leaf to sync or zap).</summary>
    public bool HasLeaf()
    {
        for (int n = 0; n < Count; n++)
        {
            if (_levels[n] == 1)
            {
                return true;
            }
        }

        return false;
    }

    public System.Collections.Immutable.ImmutableArray<BatchEntry> ToImmutable() =>
        System.Collections.Immutable.ImmutableArray.Create(_entries, 0, Count);
}
