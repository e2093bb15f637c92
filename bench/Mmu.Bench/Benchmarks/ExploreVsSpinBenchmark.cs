using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using MmuDsl.Mmu.Bench.Harness;

namespace MmuDsl.Mmu.Bench.Benchmarks;

/// <summary>
/// <c>explore-vs-spin</c>: the explorer's per-shape search against SPIN on the anchor's one shape
/// (bench/spin/unsync.pml, a copy of the team's SPIN anchor, whose README this follows; <c>--check-against FILE</c> compares the copy with it), at K =
/// 4..7 operations and batch capacity 3, one core each. SPIN's verifier is generated and compiled
/// for each K (<c>spin -DK=K -a</c>, <c>gcc -O2 -DSAFETY</c>) and run as <c>./pan -m100000</c>; the
/// explorer's search runs in a process of its own (this benchmark, started again), after a JIT
/// warm-up at K = 4. Each tool's peak resident memory is measured alike (GNU time, %M).
/// <para>
/// The counts must reconcile as the anchor's README says, or FAIL (exit 1): SPIN keeps the
/// operation count in its state, so its states stored are the (state, depth) pairs of the same
/// transition system plus its initial state (before the shape is built), and its transitions
/// (stored + matched) the operations tried from them plus 2 (its initial state and the step that
/// builds the shape: K = 0 gives 2 and 2). SPIN's state has no parent-pte list, so states that
/// differ only in the order of parent ptes are one there; the benchmark counts those pairs with
/// the explorer's engines (<see cref="AnchorShape.DepthPairs"/>). SPIN must
/// report no error, and the explorer's verdict must be clean.
/// </para>
/// </summary>
internal sealed class ExploreVsSpinBenchmark : IBenchmark
{
    private const string ChildOption = "--search-only";

    public string Name => "explore-vs-spin";

    public string Summary => "the explorer's per-shape search against SPIN on the anchor's shape, K = 4..7 (states/s, memory)";

    public int Run(IReadOnlyList<string> args, TextWriter output)
    {
        if (!Options.TryParse(args, out var options, out string error))
        {
            return BenchArgs.Refuse(error, Options.Usage);
        }

        if (options.SearchOnly is { } searchK)
        {
            return SearchOnly(searchK, options.Pvec, output);
        }

        if ((SpinVerifier.Missing() ?? PeakMemory.Missing()) is { } missing)
        {
            Console.Error.WriteLine("explore-vs-spin: " + missing);
            return 2;
        }

        if (RepoPaths.FindRoot() is not { } root)
        {
            Console.Error.WriteLine("explore-vs-spin: run it from the repository (bench/spin/unsync.pml is needed)");
            return 2;
        }

        var clock = Stopwatch.StartNew();
        string model = Path.Combine(root, "bench", "spin", "unsync.pml");
        string? shared = options.CheckAgainst;
        string anchor = shared == null ? "not compared with an anchor (--check-against FILE): the copy ran"
            : !File.Exists(shared) ? $"no such file: {shared}: the copy ran"
            : File.ReadAllBytes(shared).AsSpan().SequenceEqual(File.ReadAllBytes(model)) ? $"the same bytes as {shared}"
            : $"DIFFERS from {shared}: the copy ran";
        string outDirectory = Path.Combine(root, "bench", "spin", "out");
        var failures = new List<string>();
        var rows = new List<Row>();
        for (int k = options.From; k <= options.To; k++)
        {
            Progress($"K = {k}: generating and compiling SPIN's verifier");
            var compile = Stopwatch.StartNew();
            var verifier = SpinVerifier.Build(model, k, options.Pvec, outDirectory, out error);
            if (verifier == null)
            {
                Console.Error.WriteLine($"explore-vs-spin: SPIN's verifier for K = {k} could not be built: {error}");
                return 2;
            }

            double compileSeconds = compile.Elapsed.TotalSeconds;
            var spin = new List<SpinRun>();
            var explorer = new List<ExplorerRun>();
            for (int round = 0; round < options.Runs; round++)
            {
                JitWarmUp.WaitForQuiet();
                var s = verifier.Run(out error) ?? throw new InvalidOperationException($"SPIN's verifier for K = {k} failed: {error}");
                spin.Add(s);
                JitWarmUp.WaitForQuiet();
                var e = RunExplorer(k, options.Pvec, out error) ?? throw new InvalidOperationException($"the explorer's search for K = {k} failed: {error}");
                explorer.Add(e);
                Progress(FormattableString.Invariant($"K = {k}, round {round + 1}/{options.Runs}: SPIN {s.Seconds:0.00} s, {s.PeakBytes >> 20} MiB; explorer {e.Seconds:0.00} s, {e.PeakBytes >> 20} MiB"));
            }

            Progress($"K = {k}: counting the explorer's (state, depth) pairs to reconcile with SPIN");
            var (pairs, pairTransitions) = AnchorShape.DepthPairs(k, options.Pvec);
            var row = new Row(k, compileSeconds, spin, explorer, pairs, pairTransitions);
            Check(row, failures);
            rows.Add(row);
        }

        Report(output, options, anchor, rows, failures, clock.Elapsed);
        return failures.Count == 0 ? 0 : 1;
    }

    // ---- the explorer's side, in a process of its own ----------------------------------------

    /// <summary>What the explorer's search did in one child process.</summary>
    private sealed record ExplorerRun(long States, long Transitions, double Seconds, double CpuSeconds, long BytesHeld, bool Clean, long Allocated, long PeakBytes);

    // The child: a JIT warm-up at K = 4 until no method is compiled, then the timed search; one
    // line of counts.
    private static int SearchOnly(int k, int pvec, TextWriter output)
    {
        JitWarmUp.Run(() => AnchorShape.Search(Math.Min(k, 4), pvec), maxRounds: 40);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        long t0 = Stopwatch.GetTimestamp();
        var counts = AnchorShape.Search(k, pvec);
        double seconds = Stopwatch.GetElapsedTime(t0).TotalSeconds;
        double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        output.WriteLine(FormattableString.Invariant($"{counts.States} {counts.Transitions} {seconds:R} {cpu:R} {counts.BytesHeld} {(counts.Clean ? 1 : 0)} {allocated}"));
        return 0;
    }

    private static ExplorerRun? RunExplorer(int k, int pvec, out string error)
    {
        string self = Environment.ProcessPath ?? "dotnet";
        var args = new List<string>();
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            args.Add(Assembly.GetExecutingAssembly().Location);
        }

        args.AddRange(["explore-vs-spin", ChildOption, k.ToString(CultureInfo.InvariantCulture), "--pvec", pvec.ToString(CultureInfo.InvariantCulture)]);
        if (!PeakMemory.TryRun(self, args, Environment.CurrentDirectory, out string stdout, out long peak, out _, out error))
        {
            return null;
        }

        string[] f = stdout.Trim().Split(' ');
        if (f.Length != 7)
        {
            error = "the search printed something else than its counts: " + stdout.Trim();
            return null;
        }

        var inv = CultureInfo.InvariantCulture;
        return new ExplorerRun(long.Parse(f[0], inv), long.Parse(f[1], inv), double.Parse(f[2], inv), double.Parse(f[3], inv), long.Parse(f[4], inv), f[5] == "1", long.Parse(f[6], inv), peak);
    }

    // ---- checks and report --------------------------------------------------------------------

    private sealed record Row(int K, double CompileSeconds, List<SpinRun> Spin, List<ExplorerRun> Explorer, long Pairs, long PairTransitions)
    {
        public double SpinSeconds => Stats.Median(Spin.Select(s => s.Seconds).ToList());

        public double ExplorerSeconds => Stats.Median(Explorer.Select(e => e.Seconds).ToList());

        public double SpinCpu => Stats.Median(Spin.Select(s => s.CpuSeconds).ToList());

        public double ExplorerCpu => Stats.Median(Explorer.Select(e => e.CpuSeconds).ToList());

        public long SpinPeak => Spin.Max(s => s.PeakBytes);

        public long ExplorerPeak => Explorer.Max(e => e.PeakBytes);
    }

    private static void Check(Row row, List<string> failures)
    {
        var s = row.Spin[0];
        var e = row.Explorer[0];
        string at = FormattableString.Invariant($"K = {row.K}");
        if (row.Spin.Any(r => r.StatesStored != s.StatesStored || r.Transitions != s.Transitions) || row.Explorer.Any(r => r.States != e.States || r.Transitions != e.Transitions))
        {
            failures.Add($"{at}: a run counted differently from the first");
        }

        if (s.StatesStored != row.Pairs + 1)
        {
            failures.Add(FormattableString.Invariant($"{at}: SPIN stored {s.StatesStored:N0} states; the explorer's transition system has {row.Pairs:N0} (state, depth) pairs, plus SPIN's initial state {row.Pairs + 1:N0}"));
        }

        if (s.Transitions != row.PairTransitions + 2)
        {
            failures.Add(FormattableString.Invariant($"{at}: SPIN ran {s.Transitions:N0} transitions; the explorer's transition system has {row.PairTransitions:N0} from its (state, depth) pairs, plus SPIN's two before the first operation {row.PairTransitions + 2:N0}"));
        }

        if (row.Spin.Any(r => r.Errors != 0))
        {
            failures.Add($"{at}: SPIN reported errors (an assertion failed): legacy against recursive should be clean");
        }

        if (row.Explorer.Any(r => !r.Clean))
        {
            failures.Add($"{at}: the explorer's verdict is not clean");
        }
    }

    private static void Report(TextWriter w, Options options, string anchor, List<Row> rows, List<string> failures, TimeSpan elapsed)
    {
        string S(FormattableString f) => f.ToString(CultureInfo.InvariantCulture);
        static string Mib(long bytes) => TextTable.Num(bytes / (double)(1 << 20), 1);
        w.WriteLine("MmuDsl benchmark: explore-vs-spin (the explorer's per-shape search against SPIN, one shape, one core each)");
        w.WriteLine($"  machine : {BuildInfo.Machine()}");
        w.WriteLine($"  SPIN    : {SpinVerifier.Version()}; verifier: spin -DK=K -DPVEC=N -a, gcc -O2 -DSAFETY, ./pan -m100000 (default hash table, -w24)");
        w.WriteLine($"  model   : bench/spin/unsync.pml, {anchor}");
        w.WriteLine(S($"  shape   : root R level 3; R[0] -> A, R[1] -> B (level 2); A[0], B[0] -> L1, B[1] -> L2; slots {{0,1}}; raw links; pvec {options.Pvec}; legacy against recursive"));
        w.WriteLine(S($"  timing  : SPIN's own elapsed time of its search; the explorer's search alone (one ShapeSearch.Run, after a JIT warm-up at K = 4 until no method is compiled), in a"));
        w.WriteLine(S($"            process of its own; median of {options.Runs} run(s) each, in turn. Peak: each process's peak resident memory (GNU time %M), the"));
        w.WriteLine("            largest of the runs; SPIN's includes its hash table, the explorer's the .NET runtime. The machine is shared: timings are noisy.");
        w.WriteLine();
        w.WriteLine("States: SPIN's are (state, depth) pairs (it keeps the operation count in its state), the explorer's each state once at its smallest depth.");
        var t = new TextTable(
            "<K", "SPIN states", "transitions", "s", "cpu s", "states/s", "trans/s", "peak MiB",
            "explorer states", "transitions", "s", "cpu s", "states/s", "trans/s", "peak MiB",
            "x states/s", "x trans/s", "x memory");
        foreach (var r in rows)
        {
            var s = r.Spin[0];
            var e = r.Explorer[0];
            double sc = Math.Max(r.SpinCpu, 0.005);
            double ec = Math.Max(r.ExplorerCpu, 0.005);
            t.Add(
                r.K.ToString(CultureInfo.InvariantCulture),
                TextTable.Int(s.StatesStored), TextTable.Int(s.Transitions), TextTable.Num(r.SpinSeconds, 2), TextTable.Num(r.SpinCpu, 2), TextTable.Int((long)(s.StatesStored / sc)), TextTable.Int((long)(s.Transitions / sc)), Mib(r.SpinPeak),
                TextTable.Int(e.States), TextTable.Int(e.Transitions), TextTable.Num(r.ExplorerSeconds, 2), TextTable.Num(r.ExplorerCpu, 2), TextTable.Int((long)(e.States / ec)), TextTable.Int((long)(e.Transitions / ec)), Mib(r.ExplorerPeak),
                TextTable.Num(e.States / ec / (s.StatesStored / sc), 2), TextTable.Num(e.Transitions / ec / (s.Transitions / sc), 2), TextTable.Num(r.ExplorerPeak / (double)r.SpinPeak, 2));
        }

        t.WriteTo(w);
        w.WriteLine("  s: wall seconds (SPIN's own elapsed time; the explorer's search); cpu s: processor seconds, on which the rates are taken (SPIN's");
        w.WriteLine("  whole process, hash table set-up included; the explorer's search alone), since the machine is shared and wall time varies");
        w.WriteLine("  with its load. x: the explorer's figure over SPIN's (above 1 the explorer does more per second; below 1 it holds less memory).");
        w.WriteLine(S($"  SPIN's K = {rows[0].K} time to a verdict is dominated by generating and compiling its verifier: {rows[0].CompileSeconds:0.0} s here."));
        var last = rows[^1];
        double speed = last.Explorer[0].States / Math.Max(last.ExplorerCpu, 0.005) / (last.Spin[0].StatesStored / Math.Max(last.SpinCpu, 0.005));
        double memory = last.ExplorerPeak / (double)last.SpinPeak;
        w.WriteLine(S($"  held by the explorer's search at K = {last.K}: {last.Explorer[0].BytesHeld / 1024.0:0} KiB (visited set and frontiers) for {last.Explorer[0].States:N0} states"));
        w.WriteLine();
        w.WriteLine(S($"Goals at K = {last.K}, one core: explorer states/s at least SPIN's: {(speed >= 1 ? "met" : "MISSED")} ({speed:0.00}x); peak memory at most SPIN's: {(memory <= 1 ? "met" : "MISSED")} ({memory:0.00}x)"));
        ChecksFooter.Write(w, failures, [
            "Checks: at every K, SPIN's states stored = the (state, depth) pairs of the explorer's transition system + 1 and its transitions",
            "        = the operations tried from them + 2; SPIN reported no error; the explorer's verdict is clean; every run counted alike.",
        ], elapsed);
    }

    private static void Progress(string message) => Console.Error.WriteLine("  .. " + message);

    // ---- options ---------------------------------------------------------------------------

    private sealed record Options(int Runs, int From, int To, int Pvec, int? SearchOnly, string? CheckAgainst)
    {
        public const string Usage = "options: --runs N (runs of each tool at each K, default 3)  --from K (default 4)  --ops K (the largest K, default 7)  --pvec N (batch capacity, default 3, the model's PVEC)  --check-against FILE (the anchor's unsync.pml, to say whether the copy is the same)";

        public static bool TryParse(IReadOnlyList<string> args, out Options options, out string error)
        {
            int runs = 3, warmup = 0, from = 4, to = 7, pvec = 3;
            int? searchOnly = null;
            string? bad = null, checkAgainst = null;
            int Whole(string name, string value, int min, int current)
            {
                if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n >= min)
                {
                    return n;
                }

                bad ??= $"option '{name}' needs a whole number of at least {min}, not '{value}'";
                return current;
            }

            var extra = new Dictionary<string, Action<string>>
            {
                ["--from"] = v => from = Whole("--from", v, 1, from),
                ["--ops"] = v => to = Whole("--ops", v, 1, to),
                ["--pvec"] = v => pvec = Whole("--pvec", v, 2, pvec),
                [ChildOption] = v => searchOnly = Whole(ChildOption, v, 1, 1),
                ["--check-against"] = v => checkAgainst = v,
            };
            bool ok = BenchArgs.TryParse(args, 1, ref runs, ref warmup, extra, out error);
            if (ok && bad == null && from > to)
            {
                bad = $"--from {from} is above --ops {to}";
            }

            if (ok && bad != null)
            {
                error = bad;
                ok = false;
            }

            options = new Options(runs, from, to, pvec, searchOnly, checkAgainst);
            return ok;
        }
    }
}
