namespace MmuDsl.Mmu.Bench.Harness;

/// <summary>One run of a native walk.c: its output line, parsed.</summary>
internal sealed record NativeWalkResult(int K, string Algorithm, long Pages, long Synced, double NsPerSynced, long Walks, long Visits, long Left, long RootChildren);
