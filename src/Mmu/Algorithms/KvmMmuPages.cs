using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace MmuDsl.Mmu.Algorithms;

/// <summary>
/// <c>struct kvm_mmu_pages</c> ("pvec"): the batch one walk fills, at most
/// <see cref="Capacity"/> entries (the kernel's <c>KVM_PAGE_ARRAY_NR</c> is 16). The engine owns
/// it and hands the walk an empty one; entries are added only through
/// <see cref="Kvm.MmuPagesAdd(KvmMmuPages, KvmMmuPage, int)"/>. Beside each entry it keeps the
/// page's id and level, so that the sync loop reaches a page's state without touching the page
/// object (src/Mmu/PageSyncState.cs says why).
/// </summary>
public sealed class KvmMmuPages
{
    private readonly ShadowMmu _mmu;
    private int[] _pageIds;
    private ShadowPage[] _pages;
    private int[] _indexes;
    private byte[] _levels;

    internal KvmMmuPages(ShadowMmu mmu, int capacity)
    {
        _mmu = mmu;
        _pageIds = new int[capacity];
        _pages = new ShadowPage[capacity];
        _indexes = new int[capacity];
        _levels = new byte[capacity];
    }

    /// <summary><c>pvec->nr</c>: the number of entries.</summary>
    public int Nr { get; private set; }

    /// <summary>The most entries the batch holds (<c>KVM_PAGE_ARRAY_NR</c>, the scenario's <c>pvec</c>).</summary>
    public int Capacity => _pageIds.Length;

    /// <summary><c>pvec->page[n]</c>, 0 &lt;= <paramref name="n"/> &lt; <see cref="Nr"/>.</summary>
    public MmuPageAndOffset this[int n]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            if ((uint)n >= (uint)Nr)
            {
                throw new ArgumentOutOfRangeException(nameof(n), n, $"the batch holds {Nr} entries");
            }

            return new MmuPageAndOffset(new KvmMmuPage(_mmu, _pages[n], _pageIds[n]), _indexes[n]);
        }
    }

    /// <summary>The id of the page of entry <paramref name="n"/>.</summary>
    internal int PageIdAt(int n) => _pageIds[n];

    /// <summary>The level of the page of entry <paramref name="n"/>.</summary>
    internal int LevelAt(int n) => _levels[n];

    /// <summary>
    /// Which filling of which batch this is: unique among the engine's batches since the
    /// engine's stamps were last cleared. A page appended now carries it in its
    /// <see cref="PageSyncState.BatchStamp"/>.
    /// </summary>
    internal ushort Generation { get; private set; }

    /// <summary>Empties the batch, resizing it if the capacity setting changed.</summary>
    internal void Reset(int capacity)
    {
        Generation = _mmu.NextBatchGeneration();
        if (capacity != _pageIds.Length)
        {
            _pageIds = new int[capacity];
            _pages = new ShadowPage[capacity];
            _indexes = new int[capacity];
            _levels = new byte[capacity];
        }

        Nr = 0;
    }

    /// <summary>True when the page whose id is <paramref name="pageId"/> is an entry.</summary>
    internal bool Contains(int pageId)
    {
        for (int n = 0; n < Nr; n++)
        {
            if (_pageIds[n] == pageId)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Appends an entry (the batch must not be full); returns whether it is full now.</summary>
    internal bool Append(ShadowPage page, int pageId, int level, int index)
    {
        _pageIds[Nr] = pageId;
        _pages[Nr] = page;
        _indexes[Nr] = index;
        _levels[Nr] = (byte)level;
        return ++Nr == _pageIds.Length;
    }

    /// <summary>True when some entry is a level-1 page (a leaf to sync or zap).</summary>
    internal bool HasLeaf()
    {
        for (int n = 0; n < Nr; n++)
        {
            if (_levels[n] == 1)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The entries as event data.</summary>
    internal ImmutableArray<BatchEntry> ToImmutable()
    {
        var builder = ImmutableArray.CreateBuilder<BatchEntry>(Nr);
        for (int n = 0; n < Nr; n++)
        {
            builder.Add(new BatchEntry(_pages[n], _indexes[n]));
        }

        return builder.MoveToImmutable();
    }
}
