namespace MmuDsl.Mmu.Bench.Harness;

/// <summary>What one run of SPIN's verifier (<c>pan</c>) reported (its elapsed time included), and the process's peak resident memory and processor seconds.</summary>
internal sealed record SpinRun(long StatesStored, long Transitions, double Seconds, int Errors, long PeakBytes, double CpuSeconds);
