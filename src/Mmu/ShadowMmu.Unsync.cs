using MmuDsl.Mmu.Events;

namespace MmuDsl.Mmu;

/// <summary>Marking: <c>kvm_unsync_page</c>, <c>mark_unsync</c>, and the one way bits are cleared.</summary>
public sealed partial class ShadowMmu
{
    /// <summary>
    /// <c>kvm_unsync_page</c>: the guest may now write <paramref name="page"/> (level 1) without a
    /// fault. It becomes unsync, <c>stat.unsync</c> grows, and every parent pte is marked. A page
    /// already unsync is left as it is.
    /// </summary>
    public void Unsync(ShadowPage page)
    {
        RequireLive(page, "unsync");
        if (page.Level != 1)
        {
            throw new MmuException(MmuErrorKind.BadLevel, $"cannot unsync '{page.Name}' (level {page.Level}): only level-1 pages become unsync");
        }

        if (page.Unsync)
        {
            return;
        }

        page.Unsync = true;
        Stats.Unsync++;
        if (Observer != null)
        {
            Emit(new PageUnsynced(page));
        }

        MarkParentsUnsync(page);
    }

    /// <summary>
    /// Makes the next <c>kvm_sync_page</c> of <paramref name="page"/> (level 1) fail, so that the
    /// sync zaps it instead.
    /// </summary>
    public void FailNextSync(ShadowPage page)
    {
        RequireLive(page, "fail-sync");
        if (page.Level != 1)
        {
            throw new MmuException(MmuErrorKind.BadLevel, $"cannot fail-sync '{page.Name}' (level {page.Level}): only level-1 pages are synced by kvm_sync_page");
        }

        page.FailNextSync = true;
    }

    /// <summary>The algorithm's <c>kvm_mmu_mark_parents_unsync</c>.</summary>
    private void MarkParentsUnsync(ShadowPage page) => CallAlgorithm(AlgorithmCall.MarkParentsUnsync, page, 0, null);

    /// <summary>The algorithm's <c>mark_unsync</c> of spte <paramref name="index"/> of <paramref name="parent"/>.</summary>
    private void MarkUnsync(ShadowPage parent, int index) => CallAlgorithm(AlgorithmCall.MarkUnsync, parent, index, null);

    /// <summary>
    /// <c>clear_unsync_child_bit</c>: decrement the count (WARN below zero, as the kernel does,
    /// whether or not the bit was set) and clear the bit.
    /// </summary>
    private void ClearUnsyncChildBit(ShadowPage page, int index, BitClearer by)
    {
        int after = --_syncStates[page.Id].UnsyncChildren;
        page.UnsyncChildBitmapBits.Clear(index);
        _bitClears++;
        if (Observer != null)
        {
            Emit(new UnsyncBitCleared(page, index, by));
        }

        if (after < 0)
        {
            Warn(MmuWarningKind.UnsyncChildrenUnderflow, $"unsync_children of '{page.Name}' went below zero ({after}) clearing bit {index}");
        }
    }
}
