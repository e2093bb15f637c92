using System.Runtime;

namespace MmuDsl.Mmu.Bench.Harness;

/// <summary>
/// Tiered compilation starts every method unoptimized and recompiles hot ones in the background,
/// after a 100 ms quiet delay and 30 calls, twice with dynamic PGO (instrumented, then optimized).
/// A fixed count of warm-up runs left legacy at k=1 timed on unoptimized code (about 10x slower).
/// So every benchmark warms up in rounds, each followed by a pause longer than that delay, until
/// <see cref="QuietRounds"/> rounds in a row compiled no method.
/// </summary>
internal static class JitWarmUp
{
    /// <summary>Rounds in a row that must compile nothing.</summary>
    public const int QuietRounds = 3;

    private const int PauseMs = 150;

    /// <summary>Runs <paramref name="round"/> until the JIT is quiet (at most <paramref name="maxRounds"/> times).</summary>
    public static (int Rounds, long Methods, bool Quiet) Run(Action round, int maxRounds)
    {
        long start = JitInfo.GetCompiledMethodCount();
        int quiet = 0;
        int rounds = 0;
        while (quiet < QuietRounds && rounds < maxRounds)
        {
            long before = JitInfo.GetCompiledMethodCount();
            round();
            Thread.Sleep(PauseMs);
            quiet = JitInfo.GetCompiledMethodCount() == before ? quiet + 1 : 0;
            rounds++;
        }

        return (rounds, JitInfo.GetCompiledMethodCount() - start, quiet >= QuietRounds);
    }

    /// <summary>Before a row: pauses until no method was compiled for two pauses in a row (at most 3 s),
    /// so that no background recompilation competes with the timed work.</summary>
    public static void WaitForQuiet()
    {
        int quiet = 0;
        for (int n = 0; n < 3000 / PauseMs && quiet < 2; n++)
        {
            long before = JitInfo.GetCompiledMethodCount();
            Thread.Sleep(PauseMs);
            quiet = JitInfo.GetCompiledMethodCount() == before ? quiet + 1 : 0;
        }
    }
}
