using System.Runtime.CompilerServices;

namespace MmuDsl.Mmu.Algorithms;

/// <summary>
/// The engine as an algorithm sees it: the functions of mmu.c that every proposal calls and
/// none changes, under the kernel's names. It is narrow on purpose. An algorithm reads pages
/// through <see cref="KvmMmuPage"/> handles and changes the metadata only here, so the engine
/// keeps the state, the counters (a walk and a visit are counted here, never by the
/// algorithm), the warnings, the events and the trace. One view per engine; an algorithm gets
/// it as the first argument of each of its methods, like the kernel's <c>kvm</c> or <c>vcpu</c>.
/// </summary>
public sealed class Kvm
{
    private readonly ShadowMmu _mmu;

    internal Kvm(ShadowMmu mmu)
    {
        _mmu = mmu;
    }

    /// <summary>
    /// <c>for_each_set_bit(i, sp->unsync_child_bitmap, 512)</c>, in ascending order over the live
    /// bitmap. Each bit the loop reaches is one visit (<c>stat.visits</c>); a walk that visits
    /// more than 512 entries per page of the engine is stopped as an algorithm failure.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public UnsyncChildBitIterator ForEachSetBit(KvmMmuPage sp) => new(_mmu, sp.Page);

    /// <summary>
    /// <c>clear_unsync_child_bit(sp, i)</c>: decrement <c>sp->unsync_children</c> (the WARN
    /// <c>unsync-children-underflow</c> fires below zero, whether or not the bit was set) and
    /// clear bit <paramref name="i"/>. The trace says who cleared it: the walk, when called
    /// during <see cref="UnsyncWalkAlgorithm.MmuUnsyncWalk"/>; otherwise the batch's clearing
    /// after its leaves (legacy's <c>mmu_pages_clear_parents</c>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void ClearUnsyncChildBit(KvmMmuPage sp, int i) => _mmu.ClearUnsyncChildBitFromAlgorithm(sp.Page, CheckIndex(i));

    /// <summary>
    /// The first two steps of <c>mark_unsync</c>: <c>__test_and_set_bit(i, sp->unsync_child_bitmap)</c>
    /// and, when the bit was clear, <c>sp->unsync_children++</c>. Returns the count before the
    /// increment, or -1 when the bit was already set (then nothing changed). So
    /// <c>if (kvm.MarkUnsyncChildBit(sp, i) != 0) return;</c> is the kernel's two early returns.
    /// </summary>
    public int MarkUnsyncChildBit(KvmMmuPage sp, int i) => _mmu.MarkUnsyncChildBit(sp.Page, CheckIndex(i));

    /// <summary>
    /// <c>mmu_pages_add(pvec, sp, idx)</c>: an unsync page that is already an entry is not added
    /// again (returns false); otherwise the entry is appended, and the result says whether the
    /// batch is now full ("stop": the page is in). Adding to a full batch is an algorithm failure
    /// (the kernel would write past the array).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MmuPagesAdd(KvmMmuPages pvec, KvmMmuPage sp, int idx)
    {
        ArgumentNullException.ThrowIfNull(pvec);
        return _mmu.MmuPagesAdd(pvec, sp, idx);
    }

    /// <summary><c>mmu_pages_add(pvec, sp)</c> for a batch that keeps no index (eager's): as the
    /// three-argument form with <see cref="ShadowMmu.InvalidIndex"/>.</summary>
    public bool MmuPagesAdd(KvmMmuPages pvec, KvmMmuPage sp) => MmuPagesAdd(pvec, sp, ShadowMmu.InvalidIndex);

    /// <summary>
    /// <c>kvm_unlink_unsync_page(kvm, sp)</c>: <c>sp->unsync = false</c> and
    /// <c>kvm->stat.mmu_unsync--</c>; the WARN <c>unlink-not-unsync</c> fires when the page was
    /// not unsync (and the counter drops anyway, as in the kernel).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void KvmUnlinkUnsyncPage(KvmMmuPage sp) => _mmu.KvmUnlinkUnsyncPage(sp.Page, sp.Id);

    /// <summary>
    /// <c>kvm_sync_page(vcpu, sp, &amp;invalid_list)</c>: syncs the page with its guest table
    /// (<c>P.syncs</c> and <c>stat.syncs</c> grow); when the sync fails (the scenario said
    /// <c>fail-sync</c>) the page is zapped instead, with <c>kvm_mmu_prepare_zap_page</c>.
    /// Returns true when it synced, false when it failed and was zapped.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool KvmSyncPage(KvmMmuPage sp) => _mmu.KvmSyncPage(sp.Page, sp.Id);

    /// <summary>
    /// <c>kvm_mmu_prepare_zap_page</c>, committed at once: zaps the page's unsync children (with
    /// this algorithm's <c>mmu_zap_unsync_children</c>), unlinks its children and its parents
    /// (their bits stay set), drops its unsync state and marks it invalid.
    /// </summary>
    public void KvmMmuPrepareZapPage(KvmMmuPage sp) => _mmu.ZapFromAlgorithm(sp.Page);

    /// <summary>
    /// <c>WARN_ON</c> that fired: records the warning (a run fails on it unless its scenario
    /// expects warnings). Write the kernel's <c>if (WARN_ON(cond))</c> as
    /// <c>if (cond) { kvm.Warn(...); ... }</c>, so that the message is built only when it fires.
    /// </summary>
    public void Warn(MmuWarningKind kind, string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        _mmu.WarnFromAlgorithm(kind, message);
    }

    private static int CheckIndex(int i) => (uint)i < Bitmap512.Size
        ? i
        : throw new ArgumentOutOfRangeException(nameof(i), i, "an spte index is 0..511");
}
