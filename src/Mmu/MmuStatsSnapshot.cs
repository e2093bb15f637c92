namespace MmuDsl.Mmu;

/// <summary>The counters of <see cref="MmuStats"/> at one moment, as a value.</summary>
public readonly record struct MmuStatsSnapshot(long Unsync, long Walks, long Visits, long Syncs, long Zaps, long Interrupted, long Warnings, long FullBatches);
