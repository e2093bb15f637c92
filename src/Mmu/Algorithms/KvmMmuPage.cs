using System.Runtime.CompilerServices;

namespace MmuDsl.Mmu.Algorithms;

/// <summary>
/// A shadow page as an algorithm sees it (<c>struct kvm_mmu_page *sp</c>): a handle onto the
/// engine's state, cheap to copy, that reads the fields the kernel's walk and sync code read.
/// A handle never changes anything itself: changes go through <see cref="Kvm"/>, which keeps
/// the counters, the events and the trace. <see cref="Null"/> plays the kernel's NULL page.
/// </summary>
/// <remarks>
/// The handle holds the engine, the page's id and a reference to the page object, which it only
/// follows for what lives there (the bitmap, the sptes): the walk reads a child's
/// <c>unsync_children</c> and <c>unsync</c> from the engine's dense per-page array by id without
/// touching the child (src/Mmu/PageSyncState.cs says why that matters), and reaches the page it
/// walks, a batch entry or a parent on the path without looking it up in the engine's page list
/// (a load per visit, and a cache miss per synced leaf, that the walk paid before: docs/performance.md).
/// </remarks>
public readonly struct KvmMmuPage : IEquatable<KvmMmuPage>
{
    private readonly ShadowMmu? _mmu;
    private readonly ShadowPage? _page;

    internal KvmMmuPage(ShadowMmu mmu, ShadowPage page, int id)
    {
        _mmu = mmu;
        _page = page;
        Id = id;
    }

    /// <summary>No page (the kernel's NULL).</summary>
    public static KvmMmuPage Null => default;

    /// <summary>True for <see cref="Null"/>.</summary>
    public bool IsNull => _mmu == null;

    /// <summary>The page's name in the scenario, for messages.</summary>
    public string Name => Page.Name;

    /// <summary><c>sp->role.level</c>: 1 (a 4 KiB leaf table) to 5.</summary>
    public int Level
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Mmu.ReadState(Id).Level;
    }

    /// <summary><c>sp->gfn</c>.</summary>
    public long Gfn => Page.Gfn;

    /// <summary><c>sp->root_count</c> is nonzero: the page is in use as a root.</summary>
    public bool IsRoot => Page.IsRoot;

    /// <summary><c>sp->role.invalid</c>: the page was zapped.</summary>
    public bool Invalid => Page.Zapped;

    /// <summary><c>sp->unsync</c>.</summary>
    public bool Unsync
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Mmu.ReadState(Id).Unsync;
    }

    /// <summary><c>sp->unsync_children</c>.</summary>
    public int UnsyncChildren
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Mmu.ReadState(Id).UnsyncChildren;
    }

    /// <summary>A copy of <c>sp->unsync_child_bitmap</c>. The walk iterates the live bitmap with
    /// <see cref="Kvm.ForEachSetBit"/>, which counts its visits; this copy is for reading.</summary>
    public Bitmap512 UnsyncChildBitmap => Page.UnsyncChildBitmapBits;

    /// <summary>The number of parent ptes (<c>sp->parent_ptes</c>).</summary>
    public int ParentPteCount => Page.ParentCount;

    // A NULL handle has no engine: any read through it throws NullReferenceException, which the
    // engine reports as the algorithm's failure at its line.
    internal ShadowMmu Mmu
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _mmu!;
    }

    internal int Id { get; }

    internal ShadowPage Page
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _page ?? ThrowNullPage();
    }

    /// <summary><c>test_bit(i, sp->unsync_child_bitmap)</c> (not a visit).</summary>
    public bool TestUnsyncChildBit(int i) => Page.UnsyncChildBitmapBits.IsSet(CheckIndex(i));

    /// <summary><c>is_shadow_present_pte(sp->spt[i])</c>: the spte is present (a link, a leaf or a large leaf).</summary>
    public bool IsShadowPresentPte(int i) => Page.IsPresent(CheckIndex(i));

    /// <summary><c>is_large_pte(sp->spt[i])</c>: the spte maps a huge page (levels 2 and 3).</summary>
    public bool IsLargePte(int i)
    {
        var page = Page;
        return page.Level > 1 && page.IsPresent(CheckIndex(i)) && page.ChildAt(i) == null;
    }

    /// <summary>
    /// <c>spte_to_child_sp(sp->spt[i])</c> when spte <paramref name="i"/> links a child page;
    /// <see cref="Null"/> when it is not present or maps a leaf.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public KvmMmuPage ChildAt(int i)
    {
        var sptes = Page.Sptes;
        if ((uint)i >= Bitmap512.Size)
        {
            throw IndexOutOfRange(i);
        }

        int rank = sptes == null ? -1 : sptes.LinkRank(i);
        return rank < 0 ? default : new KvmMmuPage(_mmu!, sptes!.ChildAtRank(rank), sptes.ChildIdAtRank(rank));
    }

    /// <summary>Parent pte number <paramref name="n"/>, 0 to <see cref="ParentPteCount"/> - 1, in the
    /// order they were added (the order <c>for_each_rmap_spte(&amp;sp->parent_ptes, ...)</c> yields).</summary>
    public Sptep ParentPte(int n)
    {
        var pte = Page.ParentPteAt(n);
        return new Sptep(new KvmMmuPage(_mmu!, pte.Parent, pte.Parent.Id), pte.Index);
    }

    /// <inheritdoc/>
    public bool Equals(KvmMmuPage other) => ReferenceEquals(_mmu, other._mmu) && Id == other.Id;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is KvmMmuPage other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, _mmu);

    /// <inheritdoc/>
    public override string ToString() => IsNull ? "NULL" : Name;

    /// <summary>Same page.</summary>
    public static bool operator ==(KvmMmuPage left, KvmMmuPage right) => left.Equals(right);

    /// <summary>Different pages.</summary>
    public static bool operator !=(KvmMmuPage left, KvmMmuPage right) => !left.Equals(right);

    private static int CheckIndex(int i) => (uint)i < Bitmap512.Size ? i : throw IndexOutOfRange(i);

    // A NULL handle read as a page throws as it did when the handle looked the page up in the engine.
    private static ShadowPage ThrowNullPage() => throw new NullReferenceException("a NULL kvm_mmu_page was dereferenced");

    private static ArgumentOutOfRangeException IndexOutOfRange(int i) => new(nameof(i), i, "an spte index is 0..511");

}
