namespace MmuDsl.Mmu;

// Read this when you add a per-page field, change what the walk or the sync loop reads, or make
// or free pages.
//
// * Why dense: __mmu_unsync_walk visits one bitmap entry per child and, for each, reads the
//   child's unsync_children and unsync. With those fields inside the 160-byte ShadowPage object,
//   each visit was a cache miss on the child (59% of the walk's perf samples at k=16 in the
//   engine benchmark). Here they live in one array indexed by page id, 12 bytes a page; pages are
//   made in order, so the children of one parent share cache lines, and SpteTable keeps each
//   child's id beside its reference, so the walk reaches a child's state without ever touching
//   the child object. README, "Performance", has the figures before and after.
// * The entry is the only copy of these fields: ShadowPage's Unsync, UnsyncChildren, Syncs,
//   FailNextSync and Zapped are views onto it (Level is also kept in the page: it never changes).
// * The array grows by reallocation when a page is made (ShadowMmu.SyncStates.cs): never hold a
//   ref to an entry across CreateRoot/CreatePage. Walks, syncs and zaps make no page.
// * Pinned by SyncStateLayoutTests (growth, two engines, the walk's reads) and by everything that
//   checks unsync_children and unsync after an operation (RandomDagPropertyTests above all).

/// <summary>
/// The fields of one shadow page that the unsync walk and the sync loop read and write, kept in
/// <see cref="ShadowMmu"/>'s dense per-page array rather than in the <see cref="ShadowPage"/>.
/// </summary>
internal struct PageSyncState
{
    private const byte UnsyncFlag = 1;
    private const byte FailNextSyncFlag = 2;
    private const byte ZappedFlag = 4;

    /// <summary><c>sp->unsync_children</c>.</summary>
    public int UnsyncChildren;

    /// <summary>How many times <c>kvm_sync_page</c> ran on the page.</summary>
    public int Syncs;

    /// <summary><c>role.level</c>, a copy of <see cref="ShadowPage.Level"/>.</summary>
    public byte Level;

    // Unsync, FailNextSync and Zapped, one bit each: with the stamp the entry stays 12 bytes.
    private byte _flags;

    /// <summary>
    /// Not the kernel's: the <see cref="Algorithms.KvmMmuPages.Generation"/> of the last batch the
    /// page was appended to, so that <c>mmu_pages_add</c>'s "already an entry?" is one compare on
    /// the entry the walk has just read instead of a scan of the batch (ShadowMmu.Walk.cs,
    /// MmuPagesAdd). Not part of the page's state: packed states leave it out.
    /// </summary>
    public ushort BatchStamp;

    /// <summary><c>sp->unsync</c>.</summary>
    public bool Unsync
    {
        readonly get => (_flags & UnsyncFlag) != 0;
        set => _flags = value ? (byte)(_flags | UnsyncFlag) : (byte)(_flags & ~UnsyncFlag);
    }

    /// <summary>The next <c>kvm_sync_page</c> of the page fails.</summary>
    public bool FailNextSync
    {
        readonly get => (_flags & FailNextSyncFlag) != 0;
        set => _flags = value ? (byte)(_flags | FailNextSyncFlag) : (byte)(_flags & ~FailNextSyncFlag);
    }

    /// <summary><c>role.invalid</c>: the page was zapped (the sync of a leaf checks it).</summary>
    public bool Zapped
    {
        readonly get => (_flags & ZappedFlag) != 0;
        set => _flags = value ? (byte)(_flags | ZappedFlag) : (byte)(_flags & ~ZappedFlag);
    }
}
