namespace MmuDsl.Mmu;

/// <summary>The dense per-page <see cref="PageSyncState"/> array (PageSyncState.cs says why).</summary>
public sealed partial class ShadowMmu
{
    // Entry n belongs to the page whose Id is n; grown by doubling, like List<T>.
    private PageSyncState[] _syncStates = new PageSyncState[16];

    /// <summary>The sync state of the page whose id is <paramref name="pageId"/>. Do not keep the
    /// ref across the making of a page: the array may be reallocated.</summary>
    internal ref PageSyncState SyncStateOf(int pageId) => ref _syncStates[pageId];

    /// <summary>Appends a new page, whose id is the next one, its state, and its place among its gfn's pages.</summary>
    private void AddPage(ShadowPage page)
    {
        int pageId = page.Id;
        if (pageId == _syncStates.Length)
        {
            Array.Resize(ref _syncStates, _syncStates.Length * 2);
        }

        _syncStates[pageId] = new PageSyncState { Level = (byte)page.Level };
        _pages.Add(page);
        AddToGfnChain(page.Gfn, pageId);
    }
}
