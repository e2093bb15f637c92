using System.Diagnostics;
using System.Globalization;
using MmuDsl.Explore;
using MmuDsl.Mmu.Algorithms;
using MmuDsl.Mmu.Bench.Harness;
using MmuDsl.Plugins;

namespace MmuDsl.Mmu.Bench.Benchmarks;

/// <summary>
/// <c>plugin</c>: what a plug-in algorithm costs, with examples/algorithms/legacy.cs against the
/// built-in legacy, in one run: compiling it (the first time in a process, warm, and from the disk
/// cache); the engine benchmark's sync (walk.c's table, k = 1 and 4, runs alternating); and the
/// default explore (legacy_cs against recursive, and legacy against recursive, alternating). The
/// work of both must be equal (walks, visits, synced pages; explore's states, transitions and
/// findings), else FAIL and exit 1. Goal: the plug-in within 1.5x of the built-in.
/// </summary>
internal sealed class PluginBenchmark : IBenchmark
{
    private const double Goal = 1.5;

    public string Name => "plugin";

    public string Summary => "examples/algorithms/legacy.cs against built-in legacy: compile, cache, engine sync, default explore";

    public int Run(IReadOnlyList<string> args, TextWriter output)
    {
        int runs = 9;
        int warmup = 2;
        int exploreRounds = 2;
        if (!BenchArgs.TryParse(args, 3, ref runs, ref warmup, new Dictionary<string, Action<string>> { ["--explore-rounds"] = v => exploreRounds = int.Parse(v, CultureInfo.InvariantCulture) }, out string error))
        {
            return BenchArgs.Refuse(error, "options: --runs N (engine syncs per side and k, default 9)  --warmup N (default 2)  --explore-rounds N (default explores per side, default 2; 0 skips)");
        }

        string? root = RepoPaths.FindRoot();
        if (root == null)
        {
            Console.Error.WriteLine("cannot find the repository (MmuDsl.sln) above the benchmark: examples/algorithms/legacy.cs is needed");
            return 2;
        }

        var clock = Stopwatch.StartNew();
        var failures = new List<string>();
        string example = Path.Combine(root, "examples", "algorithms", "legacy.cs");

        output.WriteLine("MmuDsl benchmark: plugin (examples/algorithms/legacy.cs, named legacy_cs, against the built-in legacy)");
        output.WriteLine($"  machine : {BuildInfo.Machine()}");
        output.WriteLine();

        var plugin = Compile(example, output, failures);
        if (plugin == null)
        {
            ChecksFooter.Write(output, failures, [], clock.Elapsed);
            return 1;
        }

        Engine(plugin, runs, warmup, output, failures);
        if (exploreRounds > 0)
        {
            Explore(plugin, exploreRounds, output, failures);
        }

        ChecksFooter.Write(output, failures, ["Checks: the plug-in did the built-in's work in every row (walks, visits, synced pages; explore's counts and findings)."], clock.Elapsed);
        return failures.Count == 0 ? 0 : 1;
    }

    private static UnsyncWalkAlgorithm? Compile(string example, TextWriter output, List<string> failures)
    {
        string cache = Path.Combine(Path.GetTempPath(), "mmudsl-bench-plugin-" + Environment.ProcessId);
        try
        {
            var cold = PluginLoader.WithCacheFolder(Path.Combine(cache, "0")).Load(example);
            if (cold.Algorithm == null)
            {
                failures.Add($"{example} does not load: {cold.Error}");
                return null;
            }

            var warm = new List<double>();
            for (int i = 1; i <= 5; i++)
            {
                warm.Add(PluginLoader.WithCacheFolder(Path.Combine(cache, i.ToString(CultureInfo.InvariantCulture))).Load(example).Plugin!.LoadTime.TotalMilliseconds);
            }

            var cached = new List<double>();
            for (int i = 0; i < 5; i++)
            {
                var again = PluginLoader.WithCacheFolder(Path.Combine(cache, "0")).Load(example).Plugin!;
                if (!again.FromCache)
                {
                    failures.Add("the second load of the example compiled again instead of reading the cache");
                }

                cached.Add(again.LoadTime.TotalMilliseconds);
            }

            output.WriteLine("Loading the plug-in (compile with Roslyn, or read the disk cache; then load and check it)");
            var table = new TextTable("<what", "ms");
            table.Add("compile, first in this process (Roslyn not yet jitted: what `mmudsl run` pays once)", Ms(cold.Plugin!.LoadTime.TotalMilliseconds));
            table.Add("compile again, median of 5 (fresh cache folders, Roslyn warm)", Ms(Stats.Median(warm)));
            table.Add("from the disk cache, median of 5 (no compile: what every later run pays)", Ms(Stats.Median(cached)));
            table.WriteTo(output);
            output.WriteLine();
            return cold.Algorithm;
        }
        finally
        {
            try
            {
                Directory.Delete(cache, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static void Engine(UnsyncWalkAlgorithm plugin, int runs, int warmup, TextWriter output, List<string> failures)
    {
        output.WriteLine("Engine: SyncChildren(root) of walk.c's table, built-in legacy and the plug-in alternating (ns per synced page, median)");
        var table = new TextTable("k", "pages", "built-in ns", "plug-in ns", "plug-in/built-in", $"goal <={Goal}x", "walks", "visits", "check");
        foreach (int k in new[] { 1, 4 })
        {
            var a = new List<double>();
            var b = new List<double>();
            (long, long, long) workA = default;
            (long, long, long) workB = default;
            int pages = 0;
            for (int r = -warmup; r < runs; r++)
            {
                var ra = TimeSync(WalkAlgorithms.Legacy, k, out workA, out pages);
                var rb = TimeSync(plugin, k, out workB, out _);
                if (r >= 0)
                {
                    a.Add(ra);
                    b.Add(rb);
                }
            }

            bool equal = workA == workB;
            if (!equal)
            {
                failures.Add($"engine k={k}: the plug-in did {workB} (walks, visits, synced), the built-in {workA}");
            }

            double ratio = Stats.Median(b) / Stats.Median(a);
            table.Add(k.ToString(CultureInfo.InvariantCulture), pages.ToString("N0", CultureInfo.InvariantCulture), Ns(Stats.Median(a)), Ns(Stats.Median(b)), $"{ratio:0.00}x", ratio <= Goal ? "met" : "MISSED", workA.Item1.ToString("N0", CultureInfo.InvariantCulture), workA.Item2.ToString("N0", CultureInfo.InvariantCulture), equal ? "equal" : "DIFFER");
        }

        table.WriteTo(output);
        output.WriteLine();
    }

    private static double TimeSync(UnsyncWalkAlgorithm algorithm, int k, out (long Walks, long Visits, long Synced) work, out int pages)
    {
        var t = WalkTable.Build(algorithm, k);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var before = t.Mmu.Stats.Snapshot();
        long t0 = Stopwatch.GetTimestamp();
        t.Mmu.SyncChildren(t.Root);
        long t1 = Stopwatch.GetTimestamp();
        var after = t.Mmu.Stats.Snapshot();
        work = (after.Walks - before.Walks, after.Visits - before.Visits, after.Syncs - before.Syncs);
        pages = t.Pages;
        return Stopwatch.GetElapsedTime(t0, t1).TotalNanoseconds / Math.Max(1, work.Synced);
    }

    private static void Explore(UnsyncWalkAlgorithm plugin, int rounds, TextWriter output, List<string> failures)
    {
        output.WriteLine($"Explore at the default bounds, against recursive, on {Environment.ProcessorCount} threads (seconds; {rounds} rounds, alternating)");
        var builtin = new List<double>();
        var mine = new List<double>();
        ExploreReport? a = null;
        ExploreReport? b = null;
        for (int r = 0; r < rounds; r++)
        {
            a = Explorer.Run(ExploreOptions.Default);
            b = Explorer.Run(ExploreOptions.Default with { First = plugin });
            builtin.Add(a.Elapsed.TotalSeconds);
            mine.Add(b.Elapsed.TotalSeconds);
        }

        bool equal = a!.States == b!.States && a.Transitions == b.Transitions && a.FirstWork == b.FirstWork && a.Clean == b.Clean
            && a.Classes.All(c => c.Value.Count == b.Classes[c.Key].Count);
        if (!equal)
        {
            failures.Add($"explore: the plug-in's report differs ({b.States} states, {b.Transitions} transitions against {a.States}, {a.Transitions})");
        }

        double ratio = Stats.Median(mine) / Stats.Median(builtin);
        var table = new TextTable("<first algorithm", "states", "s (median)", "states/s", "x built-in", $"goal <={Goal}x");
        table.Add("legacy (built-in)", a.States.ToString("N0", CultureInfo.InvariantCulture), $"{Stats.Median(builtin):0.00}", (a.States / Stats.Median(builtin)).ToString("N0", CultureInfo.InvariantCulture), "1.00x", string.Empty);
        table.Add("legacy_cs (plug-in)", b.States.ToString("N0", CultureInfo.InvariantCulture), $"{Stats.Median(mine):0.00}", (b.States / Stats.Median(mine)).ToString("N0", CultureInfo.InvariantCulture), $"{ratio:0.00}x", ratio <= Goal ? "met" : "MISSED");
        table.WriteTo(output);
        output.WriteLine();
    }

    private static string Ms(double ms) => ms.ToString("N0", CultureInfo.InvariantCulture);

    private static string Ns(double ns) => ns.ToString("0.0", CultureInfo.InvariantCulture);
}
