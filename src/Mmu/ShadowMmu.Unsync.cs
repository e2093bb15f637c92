using MmuDsl.Mmu.Events;

namespace MmuDsl.Mmu;

/// <summary>Marking: <c>kvm_unsync_page</c>, <c>mark_unsync</c>, and the one way bits are cleared.</summary>
public sealed partial class ShadowMmu
{
    /// <summary>
    /// The guest writes the guest table that <paramref name="page"/> (level 1) shadows, and KVM
    /// lets it go unsync rather than write-protect it (<c>mmu_try_to_unsync_pages</c> for the
    /// page's gfn): unless a live page above level 1 shadows the same gfn (it is write-tracked:
    /// <see cref="UnsyncOutcome.Refused"/>, nothing changes but a counter), every live level-1 page
    /// of that gfn, one per role, goes unsync (<c>kvm_unsync_page</c>: unsync, <c>stat.unsync</c>,
    /// every parent pte marked), in creation order. A page already unsync is left as it is.
    /// </summary>
    public UnsyncOutcome Unsync(ShadowPage page)
    {
        RequireLive(page, "unsync");
        if (page.Level != 1)
        {
            throw new MmuException(MmuErrorKind.BadLevel, $"cannot unsync '{page.Name}' (level {page.Level}): only level-1 pages become unsync");
        }

        if (WriteTracker(page.Gfn) is { } tracker)
        {
            Stats.UnsyncRefused++;
            if (Observer != null)
            {
                Emit(new UnsyncRefused(page, tracker));
            }

            return UnsyncOutcome.Refused;
        }

        var outcome = UnsyncOutcome.AlreadyUnsync;
        foreach (int id in PageIdsOfGfn(page.Gfn))
        {
            var sp = _pages[id];
            if (sp.Level == 1 && !sp.Zapped && !sp.Unsync)
            {
                KvmUnsyncPage(sp);
                outcome = UnsyncOutcome.Unsynced;
            }
        }

        return outcome;
    }

    /// <summary><c>kvm_unsync_page</c>: the page becomes unsync, <c>stat.unsync</c> grows, every parent pte is marked.</summary>
    private void KvmUnsyncPage(ShadowPage page)
    {
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
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private void ClearUnsyncChildBit(ShadowPage page, int index, BitClearer by)
    {
        int after = --_syncStates[page.Id].UnsyncChildren;
        page.UnsyncChildBitmapBits.Clear(index);
        Changed(page.Id);
        _bitClears++;
        if (after < 0 || Observer != null)
        {
            ClearedRarely(page, index, by, after);
        }
    }

    /// <summary>The rest of <see cref="ClearUnsyncChildBit"/> when it is observed or the count went below zero.</summary>
    private void ClearedRarely(ShadowPage page, int index, BitClearer by, int after)
    {
        if (Observer != null)
        {
            Emit(new UnsyncBitCleared(page, index, by, after));
        }

        if (after < 0)
        {
            Warn(MmuWarningKind.UnsyncChildrenUnderflow, $"unsync_children of '{page.Name}' went below zero ({after}) clearing bit {index}");
        }
    }
}
