namespace MmuDsl.Mmu;

/// <summary>The engine's counters: <c>kvm->stat.mmu_unsync</c> and the work the walks did.</summary>
public sealed class MmuStats
{
    /// <summary><c>kvm->stat.mmu_unsync</c>: pages that are unsync.</summary>
    public long Unsync { get; internal set; }

    /// <summary><c>mmu_unsync_walk</c> calls.</summary>
    public long Walks { get; internal set; }

    /// <summary>Bitmap entries examined by walks.</summary>
    public long Visits { get; internal set; }

    /// <summary><c>kvm_sync_page</c> calls (failed ones included).</summary>
    public long Syncs { get; internal set; }

    /// <summary>Pages zapped (<c>kvm_mmu_prepare_zap_page</c> calls).</summary>
    public long Zaps { get; internal set; }

    /// <summary>Walks that returned -ENOSPC (the batch filled up); none means the batch capacity
    /// made no difference to anything that happened.</summary>
    public long FullBatches { get; internal set; }

    /// <summary>Syncs that returned -EINTR.</summary>
    public long Interrupted { get; internal set; }

    /// <summary>WARN_ON equivalents fired.</summary>
    public long Warnings { get; internal set; }

    /// <summary>Page faults retried (<c>RET_PF_RETRY</c>): the sync that <c>FNAME(fetch)</c> runs before
    /// linking a page with unsync children returned -EINTR, so nothing was linked.</summary>
    public long Retries { get; internal set; }

    /// <summary>Times a sync that may yield (<c>mmu_sync_children(can_yield = true)</c>) dropped mmu_lock between batches.</summary>
    public long Yields { get; internal set; }

    /// <summary><c>mmu_try_to_unsync_pages</c> said no: the gfn is shadowed above level 1 (write-tracked), so nothing went unsync.</summary>
    public long UnsyncRefused { get; internal set; }

    /// <summary>Links of a page that still had unsync children (<c>link_shadow_page</c> WARNs on it since
    /// 6.3; the fault path syncs such a page first). Counted apart from <see cref="Warnings"/>: a hand-built
    /// state may link such a page, and a scenario that does is not failed for it.</summary>
    public long LinkUnsyncChildren { get; internal set; }

    /// <summary>A copy of the counters at this moment.</summary>
    public MmuStatsSnapshot Snapshot() => new(Unsync, Walks, Visits, Syncs, Zaps, Interrupted, Warnings, FullBatches)
    {
        Retries = Retries,
        Yields = Yields,
        UnsyncRefused = UnsyncRefused,
        LinkUnsyncChildren = LinkUnsyncChildren,
    };

    /// <summary>Zeroes every counter.</summary>
    internal void Reset()
    {
        // Written out rather than copied from a zero instance: a search resets twice per operation it tries.
        Unsync = 0;
        Walks = 0;
        Visits = 0;
        Syncs = 0;
        Zaps = 0;
        FullBatches = 0;
        Interrupted = 0;
        Warnings = 0;
        Retries = 0;
        Yields = 0;
        UnsyncRefused = 0;
        LinkUnsyncChildren = 0;
    }

    internal void CopyFrom(MmuStats source)
    {
        Unsync = source.Unsync;
        Walks = source.Walks;
        Visits = source.Visits;
        Syncs = source.Syncs;
        Zaps = source.Zaps;
        FullBatches = source.FullBatches;
        Interrupted = source.Interrupted;
        Warnings = source.Warnings;
        Retries = source.Retries;
        Yields = source.Yields;
        UnsyncRefused = source.UnsyncRefused;
        LinkUnsyncChildren = source.LinkUnsyncChildren;
    }
}
