namespace MmuDsl.Mmu.Bench.Harness;

/// <summary>What one run of SPIN's verifier (<c>pan</c>) reported, and its peak resident memory.</summary>
internal sealed record SpinRun(long StatesStored, long Transitions, double Seconds, int Errors, long PeakBytes);
