namespace MmuDsl.Mmu;

/// <summary>The counters of <see cref="MmuStats"/> at one moment, as a value.</summary>
public readonly record struct MmuStatsSnapshot(long Unsync, long Walks, long Visits, long Syncs, long Zaps, long Interrupted, long Warnings, long FullBatches)
{
    /// <summary><see cref="MmuStats.Retries"/>.</summary>
    public long Retries { get; init; }

    /// <summary><see cref="MmuStats.Yields"/>.</summary>
    public long Yields { get; init; }

    /// <summary><see cref="MmuStats.UnsyncRefused"/>.</summary>
    public long UnsyncRefused { get; init; }

    /// <summary><see cref="MmuStats.LinkUnsyncChildren"/>.</summary>
    public long LinkUnsyncChildren { get; init; }
}
