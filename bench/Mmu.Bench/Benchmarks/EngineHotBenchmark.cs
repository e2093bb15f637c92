using System.Diagnostics;
using System.Globalization;
using MmuDsl.Mmu.Algorithms;
using MmuDsl.Mmu.Bench.Harness;

namespace MmuDsl.Mmu.Bench.Benchmarks;

/// <summary>
/// <c>engine-hot</c>: <see cref="ShadowMmu.SyncChildren"/> of walk.c's table at one k, the table
/// restored with <see cref="ShadowMmu.CopyStateFrom"/> before each sync, so that every sync starts
/// with the caches as the restore left them and no table is built between runs. Prints the
/// minimum and the median per algorithm. It is the engine benchmark's steadier sibling, for
/// comparing two builds of the engine (run each build in turn, several times, and compare the
/// minimums): the engine benchmark's fresh tables and C runs spread too much on a shared machine
/// to see a few percent. Every sync of one algorithm must do the same work, else FAIL (exit 1).
/// </summary>
internal sealed class EngineHotBenchmark : IBenchmark
{
    private const string Usage = "usage: engine-hot [--k N (default 4)] [--algorithms a,b,... (default legacy,recursive,eager)] [--runs N (default 61)] [--warmup N (default 5)]";

    public string Name => "engine-hot";

    public string Summary => "SyncChildren(root) of walk.c's table restored before each sync (hot caches): minimum and median per algorithm, for A/B of engine builds";

    public int Run(IReadOnlyList<string> args, TextWriter output)
    {
        int runs = 61;
        int warmup = 5;
        string k = "4";
        string algorithms = "legacy,recursive,eager";
        var options = new Dictionary<string, Action<string>>
        {
            ["--k"] = v => k = v,
            ["--algorithms"] = v => algorithms = v,
        };
        if (!BenchArgs.TryParse(args, 3, ref runs, ref warmup, options, out string error))
        {
            return BenchArgs.Refuse(error, Usage);
        }

        if (!int.TryParse(k, NumberStyles.Integer, CultureInfo.InvariantCulture, out int size) || size is < 1 or > 16)
        {
            return BenchArgs.Refuse($"--k must be 1 to 16, not '{k}'", Usage);
        }

        var chosen = new List<UnsyncWalkAlgorithm>();
        foreach (string name in algorithms.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (WalkAlgorithms.Find(name) is not { } algorithm)
            {
                return BenchArgs.Refuse($"unknown algorithm '{name}'", Usage);
            }

            chosen.Add(algorithm);
        }

        output.WriteLine(FormattableString.Invariant($"MmuDsl benchmark: engine-hot (k = {size}, {WalkTable.PageCount(size):N0} pages; {warmup} warm-up + {runs} timed syncs per algorithm, each after CopyStateFrom)"));
        output.WriteLine("  alg         min ms  median ms  ns/synced (min)   walks   visits   synced  check");
        output.WriteLine("  ---------  -------  ---------  ---------------  ------  -------  -------  -----");
        bool failed = false;
        foreach (var algorithm in chosen)
        {
            var row = Measure(algorithm, size, warmup, runs);
            failed |= !row.Equal;
            output.WriteLine(FormattableString.Invariant(
                $"  {algorithm.Name,-9}  {row.Min,7:F3}  {row.Median,9:F3}  {row.Min * 1e6 / row.Synced,15:F1}  {row.Walks,6:N0}  {row.Visits,7:N0}  {row.Synced,7:N0}  {(row.Equal ? "equal" : "FAIL")}"));
        }

        output.WriteLine("Compare builds by their minimums, measured in turn (old, new, old, new): the median moves with the machine's load.");
        return failed ? 1 : 0;
    }

    private sealed record Row(double Min, double Median, long Walks, long Visits, long Synced, bool Equal);

    private static Row Measure(UnsyncWalkAlgorithm algorithm, int k, int warmup, int runs)
    {
        var pristine = WalkTable.Build(algorithm, k).Mmu;
        var work = pristine.Clone();
        var root = work.Pages[0];
        var times = new List<double>(runs);
        (long Walks, long Visits, long Synced)? first = null;
        bool equal = true;
        for (int n = 0; n < warmup + runs; n++)
        {
            work.CopyStateFrom(pristine);
            var before = (work.Stats.Walks, work.Stats.Visits, work.Stats.Syncs);
            long start = Stopwatch.GetTimestamp();
            work.SyncChildren(root);
            double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            var done = (work.Stats.Walks - before.Walks, work.Stats.Visits - before.Visits, work.Stats.Syncs - before.Syncs);
            first ??= done;
            equal &= done == first.Value && root.UnsyncChildren == 0;
            if (n >= warmup)
            {
                times.Add(ms);
            }
        }

        times.Sort();
        return new Row(times[0], times[times.Count / 2], first!.Value.Walks, first.Value.Visits, first.Value.Synced, equal);
    }
}
