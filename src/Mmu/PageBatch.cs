namespace MmuDsl.Mmu;

/// <summary>
/// <c>struct kvm_mmu_pages</c> ("pvec"): the batch one walk fills, at most
/// <see cref="Capacity"/> entries (the kernel's KVM_PAGE_ARRAY_NR is 16).
/// </summary>
internal sealed class PageBatch
{
    private BatchEntry[] _entries;

    public PageBatch(int capacity)
    {
        _entries = new BatchEntry[capacity];
    }

    public int Capacity => _entries.Length;

    public int Count { get; private set; }

    public BatchEntry this[int n] => _entries[n];

    /// <summary>Empties the batch, resizing it if the capacity setting changed.</summary>
    public void Reset(int capacity)
    {
        if (capacity != _entries.Length)
        {
            _entries = new BatchEntry[capacity];
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
    /// </summary>
    public bool Add(ShadowPage page, int index)
    {
        if (page.Unsync)
        {
            for (int n = 0; n < Count; n++)
            {
                if (ReferenceEquals(_entries[n].Page, page))
                {
                    return false;
                }
            }
        }

        _entries[Count++] = new BatchEntry(page, index);
        return Count == _entries.Length;
    }

    /// <summary>True when some entry is a level-1 page (a leaf to sync or zap).</summary>
    public bool HasLeaf()
    {
        for (int n = 0; n < Count; n++)
        {
            if (_entries[n].Page.Level == 1)
            {
                return true;
            }
        }

        return false;
    }

    public System.Collections.Immutable.ImmutableArray<BatchEntry> ToImmutable() =>
        System.Collections.Immutable.ImmutableArray.Create(_entries, 0, Count);
}
