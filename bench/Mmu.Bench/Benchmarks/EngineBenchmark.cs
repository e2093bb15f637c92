using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using MmuDsl.Mmu.Algorithms;
using MmuDsl.Mmu.Bench.Harness;

namespace MmuDsl.Mmu.Bench.Benchmarks;

/// <summary>
/// <c>engine</c>: <see cref="ShadowMmu.SyncChildren"/> of the root of walk.c's table, legacy,
/// recursive and eager, k = 1, 4, 16, against the project's walk.c (bench/native/walk.c) compiled
/// with gcc -O2. Prints time per synced page (engine and C, and their ratio), the work of both
/// (walks, visits: must be equal, else FAIL and exit 1), growth from k = 1 to 16, and managed
/// bytes per page; each goal is marked met or missed. When an independent walk.c is given
/// (<c>--check-against</c>), the copy's legacy and recursive must do its work too (<see cref="AnchorCheck"/>).
/// </summary>
internal sealed class EngineBenchmark : IBenchmark
{
    private const double RatioGoal = 2.0;      // engine ns/synced <= 2x C
    private const double GrowthGoal = 1.25;    // (T16 / T1) / (pages16 / pages1)
    private const double BytesGoal = 512;      // managed bytes per page at k = 16
    private const int GoalK = 16;
    private const int MaxWarmUpRounds = 60;
    private const int MaxRuns = 40;
    private const int NativeBytesPerPage = 96; // sizeof(page) in walk.c on x86-64 (LP64)
    private static readonly int[] Ks = [1, 4, 16];
    private static readonly UnsyncWalkAlgorithm[] Algorithms = [WalkAlgorithms.Legacy, WalkAlgorithms.Recursive, WalkAlgorithms.Eager];

    public string Name => "engine";

    public string Summary => "SyncChildren(root) on walk.c's table (k = 1, 4, 16), legacy, recursive and eager, vs walk.c at gcc -O2";

    public int Run(IReadOnlyList<string> args, TextWriter output)
    {
        if (!Options.TryParse(args, out var options, out string error))
        {
            return BenchArgs.Refuse(error, Options.Usage);
        }

        var clock = Stopwatch.StartNew();
        var native = NativeWalk.Prepare(options.Anchor, out error);
        if (native == null)
        {
            Console.Error.WriteLine(error);
            return 2;
        }

        var failures = new List<string>();
        var shared = NativeWalk.PrepareCheckAnchor(options.CheckAgainst, out string sharedError);
        Progress("the copy's legacy and recursive against the independent anchor, when one is given: the same work at every k");
        var anchorCheck = AnchorCheck.Run(native, shared, sharedError, Ks, failures);

        Progress("JIT warm-up: k=1 rounds (engine syncs and walk.c runs) until the JIT compiles nothing more");
        var warm = WarmUpJit(native, failures);

        var c = new Dictionary<(string, int), Measured>();
        var engine = new Dictionary<(string, int), Measured>();
        foreach (var alg in Algorithms)
        {
            foreach (int k in Ks)
            {
                int runs = RunsAt(k, options.Runs);
                Progress($"{alg.Name,-9} k={k,-2}: {options.Warmup} warm-up + {runs} runs, C and engine alternating");
                (engine[(alg.Name, k)], c[(alg.Name, k)]) = MeasureRow(native, alg, k, options.Warmup, runs, failures);
            }
        }

        var cold = new Dictionary<string, double>();
        foreach (var alg in Algorithms)
        {
            Progress($"{alg.Name,-9} growth with caches evicted before each sync (engine only)");
            cold[alg.Name] = ColdGrowth(alg, options.Runs, failures);
        }

        Progress("engine memory: one table per k");
        var memory = Ks.ToDictionary(k => k, MeasureMemory);

        Report(output, options, native, anchorCheck, warm, c, engine, cold, memory, failures, clock.Elapsed);
        return failures.Count == 0 ? 0 : 1;
    }

    // ---- measuring -------------------------------------------------------------------------

    /// <summary>
    /// Runs of a row: <paramref name="atGoalK"/> at k = 16, more at smaller k (16/k times as
    /// many, at most <see cref="MaxRuns"/>), so that every row syncs a similar number of pages:
    /// a k=1 sync lasts a fraction of a millisecond and its single runs are noisy.
    /// </summary>
    private static int RunsAt(int k, int atGoalK) => Math.Max(atGoalK, Math.Min(MaxRuns, atGoalK * GoalK / k));

    /// <summary>The runs of one (algorithm, k): time per synced page and the work done.</summary>
    private sealed record Measured(List<double> NsPerSynced, List<double> TotalNs, long Pages, long Synced, long Walks, long Visits, long SyncAllocatedBytes, long JittedWhileTimed);

    /// <summary>
    /// One row: <paramref name="runs"/> runs of walk.c and as many engine syncs of fresh tables,
    /// alternating, so that a slow spell of the machine (a 2-core VM whose L3 is shared with
    /// other tenants) hits both sides alike.
    /// </summary>
    private static (Measured Engine, Measured C) MeasureRow(NativeWalk native, UnsyncWalkAlgorithm alg, int k, int warmup, int runs, List<string> failures, bool settleJit = true)
    {
        for (int n = 0; n < warmup; n++)
        {
            native.Run(k, alg.Name);
            TimeOneSync(alg, k, failures);
        }

        if (settleJit)
        {
            JitWarmUp.WaitForQuiet();
        }

        var cRuns = new List<NativeWalkResult>();
        var eRuns = new List<SyncRun>();
        for (int n = 0; n < runs; n++)
        {
            cRuns.Add(native.Run(k, alg.Name));
            eRuns.Add(TimeOneSync(alg, k, failures));
        }

        return (EngineMeasured(alg, k, eRuns, failures), NativeMeasured(alg.Name, k, cRuns, failures));
    }

    private static Measured NativeMeasured(string alg, int k, List<NativeWalkResult> results, List<string> failures)
    {
        var first = results[0];
        foreach (var r in results)
        {
            if (r.Walks != first.Walks || r.Visits != first.Visits || r.Synced != first.Synced)
            {
                failures.Add($"C {alg} k={k}: runs disagree on the work (walks {r.Walks} vs {first.Walks}, visits {r.Visits} vs {first.Visits})");
            }

            if (r.Left != 0 || r.RootChildren != 0)
            {
                failures.Add($"C {alg} k={k}: left={r.Left} root_children={r.RootChildren} after the sync");
            }
        }

        if (first.Pages != WalkTable.PageCount(k))
        {
            failures.Add($"C {alg} k={k}: {first.Pages} pages, expected {WalkTable.PageCount(k)}");
        }

        return new Measured(
            results.Select(r => r.NsPerSynced).ToList(),
            results.Select(r => r.NsPerSynced * r.Synced).ToList(),
            first.Pages,
            first.Synced,
            first.Walks,
            first.Visits,
            0,
            0);
    }

    private static Measured EngineMeasured(UnsyncWalkAlgorithm alg, int k, List<SyncRun> runs, List<string> failures)
    {
        var first = runs[0];
        foreach (var r in runs.Where(r => r.Walks != first.Walks || r.Visits != first.Visits))
        {
            failures.Add($"engine {alg.Name} k={k}: runs disagree on the work (walks {r.Walks} vs {first.Walks}, visits {r.Visits} vs {first.Visits})");
        }

        return new Measured(
            runs.Select(r => r.Ns / r.Synced).ToList(),
            runs.Select(r => r.Ns).ToList(),
            first.Pages,
            first.Synced,
            first.Walks,
            first.Visits,
            runs.Max(r => r.Allocated),
            runs.Sum(r => r.Jitted));
    }

    // The very code the rows run (walk.c launches included), so that it all tiers up.
    private static (int Rounds, long Methods, bool Quiet) WarmUpJit(NativeWalk native, List<string> failures) =>
        JitWarmUp.Run(
            () =>
            {
                foreach (var alg in Algorithms)
                {
                    MeasureRow(native, alg, 1, 0, 2, failures, settleJit: false);
                }
            },
            MaxWarmUpRounds);

    private sealed record SyncRun(double Ns, long Pages, long Synced, long Walks, long Visits, long Allocated, long Jitted);

    /// <summary>Builds a fresh table and times <c>SyncChildren(root)</c> alone.</summary>
    private static SyncRun TimeOneSync(UnsyncWalkAlgorithm alg, int k, List<string> failures, bool coldCaches = false)
    {
        var table = WalkTable.Build(alg, k);
        var mmu = table.Mmu;
        var before = mmu.Stats.Snapshot();

        // Nothing of the build is left to collect inside the timed region.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        if (coldCaches)
        {
            EvictCaches();
        }

        long jit0 = JitInfo.GetCompiledMethodCount();
        long alloc0 = GC.GetAllocatedBytesForCurrentThread();
        long t0 = Stopwatch.GetTimestamp();
        var outcome = mmu.SyncChildren(table.Root);
        long t1 = Stopwatch.GetTimestamp();
        long alloc1 = GC.GetAllocatedBytesForCurrentThread();
        long jit1 = JitInfo.GetCompiledMethodCount();

        var after = mmu.Stats.Snapshot();
        long synced = after.Syncs - before.Syncs;
        if (outcome != SyncOutcome.Done || after.Unsync != 0 || table.Root.UnsyncChildren != 0 || mmu.Warnings.Count != 0 || synced != table.Unsynced)
        {
            failures.Add($"engine {alg.Name} k={k}: sync returned {outcome}, synced {synced} of {table.Unsynced}, unsync left {after.Unsync}, root unsync_children {table.Root.UnsyncChildren}, {mmu.Warnings.Count} warnings");
        }

        double ns = Stopwatch.GetElapsedTime(t0, t1).TotalNanoseconds;
        return new SyncRun(ns, table.Pages, synced, after.Walks - before.Walks, after.Visits - before.Visits, alloc1 - alloc0, jit1 - jit0);
    }

    // Twice the last-level cache (64 MiB if its size is unknown); read once per cold run. Filled,
    // so that its pages are real memory: untouched, they would all map the one zero page.
    private static readonly byte[] Evictor = CreateEvictor();
    private static long _evictSink;

    /// <summary>Reads a buffer twice the size of the last-level cache, one byte per cache line, so
    /// that the table the sync walks comes from memory whatever its size.</summary>
    private static void EvictCaches()
    {
        long sum = 0;
        for (int i = 0; i < Evictor.Length; i += 64)
        {
            sum += Evictor[i];
        }

        _evictSink += sum;
    }

    private static byte[] CreateEvictor()
    {
        long size = Math.Clamp(2 * (BuildInfo.LastLevelCacheBytes() ?? 32L << 20), 16L << 20, 1L << 30);
        var buffer = new byte[size];
        Array.Fill(buffer, (byte)1);
        return buffer;
    }

    /// <summary>
    /// Growth with the caches evicted before each sync: the k=1 table (about 10 MB) otherwise sits
    /// in a 32 MiB L3 after its build, the k=16 one (about 160 MB) cannot, so the growth goal
    /// compares cache with memory. Engine only (walk.c cannot be told to evict).
    /// </summary>
    private static double ColdGrowth(UnsyncWalkAlgorithm alg, int runsAtGoalK, List<string> failures)
    {
        int lo = Ks[0];
        double Median(int k) => Stats.Median(Enumerable.Range(0, RunsAt(k, runsAtGoalK)).Select(_ => TimeOneSync(alg, k, failures, coldCaches: true).Ns).ToList());
        TimeOneSync(alg, lo, failures, coldCaches: true);
        double t1 = Median(lo);
        double t16 = Median(GoalK);
        return t16 / t1 / ((double)WalkTable.PageCount(GoalK) / WalkTable.PageCount(lo));
    }

    private sealed record Memory(long Pages, double RetainedPerPage, double AllocatedPerPage);

    /// <summary>Managed bytes per page while building one table: retained (GC.GetTotalMemory(true)
    /// after minus before, the table alive) and allocated (GC.GetAllocatedBytesForCurrentThread).
    /// The build does not depend on the algorithm.</summary>
    private static Memory MeasureMemory(int k)
    {
        long retained0 = GC.GetTotalMemory(forceFullCollection: true);
        long alloc0 = GC.GetAllocatedBytesForCurrentThread();
        var table = WalkTable.Build(WalkAlgorithms.Legacy, k);
        long alloc1 = GC.GetAllocatedBytesForCurrentThread();
        long retained1 = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(table);
        return new Memory(table.Pages, (double)(retained1 - retained0) / table.Pages, (double)(alloc1 - alloc0) / table.Pages);
    }

    // ---- reporting -------------------------------------------------------------------------

    private static void Report(
        TextWriter w,
        Options options,
        NativeWalk native,
        AnchorCheckOutcome anchorCheck,
        (int Rounds, long Methods, bool Quiet) warm,
        Dictionary<(string, int), Measured> c,
        Dictionary<(string, int), Measured> engine,
        Dictionary<string, double> cold,
        Dictionary<int, Memory> memory,
        List<string> failures,
        TimeSpan elapsed)
    {
        var goals = new List<(string Goal, bool Met)>();
        static string Mark(bool met) => met ? "met" : "MISSED";
        static string X(double ratio) => TextTable.Num(ratio, 2) + "x";
        static string Spread(List<double> values) => "±" + TextTable.Num(Stats.HalfIqrPercent(values), 0) + "%";

        w.WriteLine("MmuDsl benchmark: engine (ShadowMmu.SyncChildren of the root, walk.c's table)");
        w.WriteLine($"  machine : {BuildInfo.Machine()}");
        w.WriteLine($"  anchor  : {native.Source} ({native.SourceWhat}, sha256 {native.SourceSha256[..12]}), {native.Compiler}, -O2");
        w.WriteLine($"  {anchorCheck.Line}");

        string RunCounts(int atGoalK) => string.Join("/", Ks.Select(k => RunsAt(k, atGoalK)));
        string kList = string.Join("/", Ks);
        w.WriteLine($"  engine  : Stopwatch around SyncChildren(root) only (CheckSyncPostconditions off, no observer), each on a");
        w.WriteLine($"            freshly built table; median of {RunCounts(options.Runs)} runs at k={kList}, after {options.Warmup} warm-up run(s) per row;");
        w.WriteLine($"            before all rows a JIT warm-up, {warm.Rounds} rounds of k=1 syncs ({warm.Methods} methods compiled; " + (warm.Quiet ? $"then quiet for {JitWarmUp.QuietRounds} rounds)" : "NOT quiet: timings may include unoptimized code)"));
        w.WriteLine($"  C       : walk.c's own clock_gettime around sync_children(root); as many runs, alternating with the engine's");
        w.WriteLine($"  table   : root (level 4), 8k level-3, 64 level-2 under each, 64 level-1 under each; every 4th level-1 unsync");
        w.WriteLine();

        w.WriteLine($"Time per synced page (ns, median; ± is half the interquartile range of the runs; goal: engine within {RatioGoal:0.#}x of C;");
        w.WriteLine("runs: per side; jit: methods compiled while the engine's timed syncs ran, all runs of the row: 0 = steady code)");
        var time = new TextTable("<alg", "k", "pages", "synced", "engine ns", "", "C ns", "", "engine/C", $"<goal <={RatioGoal:0.#}x", "runs", "jit");
        foreach (var alg in Algorithms)
        {
            foreach (int k in Ks)
            {
                var e = engine[(alg.Name, k)];
                var n = c[(alg.Name, k)];
                double ratio = Stats.Median(e.NsPerSynced) / Stats.Median(n.NsPerSynced);
                bool met = ratio <= RatioGoal;
                goals.Add(($"engine/C {alg.Name} k={k}: {X(ratio)}", met));
                time.Add(alg.Name, k.ToString(CultureInfo.InvariantCulture), TextTable.Int(e.Pages), TextTable.Int(e.Synced),
                    TextTable.Num(Stats.Median(e.NsPerSynced)), Spread(e.NsPerSynced),
                    TextTable.Num(Stats.Median(n.NsPerSynced)), Spread(n.NsPerSynced),
                    X(ratio), Mark(met), TextTable.Int(e.NsPerSynced.Count), TextTable.Int(e.JittedWhileTimed));
            }
        }

        time.WriteTo(w);
        w.WriteLine();

        w.WriteLine("Work (mmu_unsync_walk calls and bitmap entries visited; engine and C must be equal)");
        var work = new TextTable("<alg", "k", "walks engine", "walks C", "visits engine", "visits C", "synced engine", "synced C", "<check", "sync alloc B");
        foreach (var alg in Algorithms)
        {
            foreach (int k in Ks)
            {
                var e = engine[(alg.Name, k)];
                var n = c[(alg.Name, k)];
                bool equal = e.Walks == n.Walks && e.Visits == n.Visits && e.Synced == n.Synced && e.Pages == n.Pages;
                if (!equal)
                {
                    failures.Add($"{alg.Name} k={k}: engine walks/visits/synced {e.Walks}/{e.Visits}/{e.Synced} != C {n.Walks}/{n.Visits}/{n.Synced}");
                }

                work.Add(alg.Name, k.ToString(CultureInfo.InvariantCulture), TextTable.Int(e.Walks), TextTable.Int(n.Walks),
                    TextTable.Int(e.Visits), TextTable.Int(n.Visits), TextTable.Int(e.Synced), TextTable.Int(n.Synced),
                    equal ? "equal" : "FAIL", TextTable.Int(e.SyncAllocatedBytes));
            }
        }

        work.WriteTo(w);
        w.WriteLine();

        int k0 = Ks[0];
        int kMid = Ks[^2];
        w.WriteLine($"Growth: (median time at k={GoalK} / at k={k0}) / (pages at k={GoalK} / at k={k0}); 1.00x = linear; goal: engine within {GrowthGoal:0.##}x.");
        w.WriteLine($"Also the same ratio from k={kMid} (compare the table sizes with the L3 below), and the engine's from k={k0} with");
        w.WriteLine($"the caches evicted before each sync (cold: no row timed from cache while the other comes from memory).");
        var growth = new TextTable("<alg", $"engine {k0}->{GoalK}", $"<goal <={GrowthGoal:0.##}x", $"C {k0}->{GoalK}", $"engine {kMid}->{GoalK}", $"C {kMid}->{GoalK}", $"engine {k0}->{GoalK} cold");
        foreach (var alg in Algorithms)
        {
            double Growth(Dictionary<(string, int), Measured> m, int from, int to) =>
                Stats.Median(m[(alg.Name, to)].TotalNs) / Stats.Median(m[(alg.Name, from)].TotalNs) / ((double)m[(alg.Name, to)].Pages / m[(alg.Name, from)].Pages);

            double eGrowth = Growth(engine, k0, GoalK);
            bool met = eGrowth <= GrowthGoal;
            goals.Add(($"growth {alg.Name}: {X(eGrowth)}", met));
            growth.Add(alg.Name, X(eGrowth), Mark(met), X(Growth(c, k0, GoalK)), X(Growth(engine, kMid, GoalK)), X(Growth(c, kMid, GoalK)), X(cold[alg.Name]));
        }

        growth.WriteTo(w);
        w.WriteLine();

        w.WriteLine($"Managed memory per page while building the table (the same for every algorithm); goal at k={GoalK}: under {BytesGoal:0} bytes");
        long? l3 = BuildInfo.LastLevelCacheBytes();
        w.WriteLine($"(table MB: the engine's as retained; walk.c's from its layout, {NativeBytesPerPage} B per page + a 2 KiB spt per upper page;" + (l3 is { } b ? $" L3: {b >> 20} MiB)" : " L3 size unknown)"));
        var mem = new TextTable("k", "pages", "retained B/page", "allocated B/page", "<goal (retained)", "<goal (allocated)", "table MB engine", "table MB C");
        foreach (int k in Ks)
        {
            var m = memory[k];
            string retainedGoal = "";
            string allocatedGoal = "";
            if (k == GoalK)
            {
                goals.Add(($"retained bytes/page k={k}: {m.RetainedPerPage:0}", m.RetainedPerPage < BytesGoal));
                goals.Add(($"allocated bytes/page k={k}: {m.AllocatedPerPage:0}", m.AllocatedPerPage < BytesGoal));
                retainedGoal = Mark(m.RetainedPerPage < BytesGoal);
                allocatedGoal = Mark(m.AllocatedPerPage < BytesGoal);
            }

            long upper = 1 + (8L * k) + (8L * k * 64);
            double nativeBytes = (m.Pages * NativeBytesPerPage) + (upper * 512 * sizeof(int));
            mem.Add(k.ToString(CultureInfo.InvariantCulture), TextTable.Int(m.Pages), TextTable.Num(m.RetainedPerPage, 0), TextTable.Num(m.AllocatedPerPage, 0), retainedGoal, allocatedGoal,
                TextTable.Num(m.RetainedPerPage * m.Pages / 1e6), TextTable.Num(nativeBytes / 1e6));
        }

        mem.WriteTo(w);
        w.WriteLine();

        int metCount = goals.Count(g => g.Met);
        w.WriteLine($"Goals: {metCount} of {goals.Count} met" + (metCount == goals.Count ? "." : "; missed: " + string.Join("; ", goals.Where(g => !g.Met).Select(g => g.Goal))));
        ChecksFooter.Write(w, failures, [
            "Checks: engine and C did the same work (walks, visits, synced) in every row; every sync ended clean.",
            .. anchorCheck.Checked ? ["        the copy's legacy and recursive did the independent anchor's work at every k."] : Array.Empty<string>(),
        ], elapsed);
    }

    private static void Progress(string message) => Console.Error.WriteLine("  .. " + message);

    // ---- options ---------------------------------------------------------------------------

    private sealed record Options(int Runs, int Warmup, string? Anchor, string? CheckAgainst)
    {
        public const string Usage = "options: --runs N (runs at k=16, at least 5, default 7; 16/k times as many at smaller k, at most 40)  --warmup N (warm-up runs per row, default 1)  --anchor PATH/TO/walk.c (the C timed; default bench/native/walk.c)  --check-against PATH/TO/walk.c (an independent walk.c whose legacy and recursive the copy must match)";

        public static bool TryParse(IReadOnlyList<string> args, out Options options, out string error)
        {
            int runs = 7, warmup = 1;
            string? anchor = null, checkAgainst = null;
            bool ok = BenchArgs.TryParse(args, 5, ref runs, ref warmup, new Dictionary<string, Action<string>> { ["--anchor"] = v => anchor = v, ["--check-against"] = v => checkAgainst = v }, out error);
            options = new Options(runs, warmup, anchor, checkAgainst);
            return ok;
        }
    }
}
