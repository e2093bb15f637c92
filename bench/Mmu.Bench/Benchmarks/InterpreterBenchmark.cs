using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text;
using MmuDsl.Dsl.Runtime;
using MmuDsl.Dsl.Scenarios;
using MmuDsl.Dsl.Syntax;
using MmuDsl.Mmu.Algorithms;
using MmuDsl.Mmu.Bench.Harness;

namespace MmuDsl.Mmu.Bench.Benchmarks;

/// <summary>
/// <c>interpreter</c>: the cost of running <c>.mmu</c> scripts through
/// <see cref="ScenarioRunner.RunText(string, string, RunOptions, bool)"/>, under one algorithm (legacy unless <c>--algorithm</c>).
/// (a) a <c>for</c> loop of 1,000,000 <c>expect</c> statements on integer arithmetic: expects per
/// second. (b) walk.c's k=1 table (33,289 pages) built by a script of nested <c>for</c> loops and
/// synced (<c>sync p0</c>), against the very same calls made directly on a
/// <see cref="ShadowMmu"/>, alternating: both times, statements per second, and the ratio
/// script/direct (goal: within 3x). Parse time is measured on its own and subtracted from the
/// script's time. The scripts check their own results with <c>expect</c>; a script that does not
/// exit 0, or that did other work than the direct calls (its <c>stats</c> line against the
/// engine's), is a FAIL (exit 1).
/// </summary>
internal sealed class InterpreterBenchmark : IBenchmark
{
    private const double RatioGoal = 3.0;           // script time (parse excluded) <= 3x direct calls
    private const int LoopCount = 1_000_000;        // expects of (a)
    private const int WarmUpLoopCount = 50_000;     // expects of the loop script in JIT warm-up rounds
    private const int MaxWarmUpRounds = 40;
    private const int ParseRuns = 21;
    private const string LoopPath = "bench/interpreter-loop.mmu";
    private const string TablePath = "bench/interpreter-table.mmu";

    public string Name => "interpreter";

    public string Summary => "1,000,000 expects in a for loop; walk.c's k=1 table built and synced by a script vs by direct engine calls";

    public int Run(IReadOnlyList<string> args, TextWriter output)
    {
        if (!Options.TryParse(args, out var options, out string error))
        {
            return BenchArgs.Refuse(error, Options.Usage);
        }

        var algorithm = WalkAlgorithms.Find(options.Algorithm);
        if (algorithm == null)
        {
            Console.Error.WriteLine($"unknown algorithm '{options.Algorithm}'; algorithms are {string.Join(", ", WalkAlgorithms.All.Select(a => a.Name))}");
            return 2;
        }

        var clock = Stopwatch.StartNew();
        var runOptions = RunOptions.Default with { Algorithms = [algorithm.Name] };
        string loopScript = LoopScript(LoopCount);
        string warmLoopScript = LoopScript(WarmUpLoopCount);
        string tableScript = TableScript();
        long loopStatements = LoopStatementCount(LoopCount);
        long tableStatements = TableStatementCount();
        long tableIterations = TableIterationCount();
        var failures = new List<string>();

        Progress("checks: the scripts parse without diagnostics; their statement and iteration counts hold (the interpreter's limits at the counts run, one less stop)");
        CheckParses(LoopPath, loopScript, failures);
        CheckParses(TablePath, tableScript, failures);
        if (failures.Count == 0)
        {
            CheckStatementCount(LoopPath, loopScript, loopStatements, LoopCount, runOptions, failures);
            CheckStatementCount(TablePath, tableScript, tableStatements, tableIterations, runOptions, failures);
        }

        if (failures.Count > 0)
        {
            foreach (string f in failures)
            {
                output.WriteLine("FAIL: " + f);
            }

            return 1;
        }

        Progress("JIT warm-up: rounds of the loop script (50,000 expects), the table script and the direct calls until the JIT compiles nothing more");
        var warm = WarmUpJit(warmLoopScript, tableScript, algorithm, runOptions, failures);

        Progress($"(a) loop: {options.Warmup} warm-up + {options.Runs} runs of {LoopCount:N0} expects");
        var loop = MeasureScript(LoopPath, loopScript, runOptions, options.Warmup, options.Runs, failures, check: null);

        Progress($"(b) table: {options.Warmup} warm-up + {options.Runs} runs each, script and direct calls alternating");
        var (table, direct) = MeasureTable(tableScript, algorithm, runOptions, options.Warmup, options.Runs, failures);

        Progress($"parse: {ParseRuns} parses of each script");
        var loopParse = MeasureParse(LoopPath, loopScript);
        var tableParse = MeasureParse(TablePath, tableScript);

        Report(output, options, algorithm.Name, warm, loopStatements, tableStatements, tableIterations, loop, loopParse, table, tableParse, direct, failures, clock.Elapsed);
        return failures.Count == 0 ? 0 : 1;
    }

    // ---- the scripts -----------------------------------------------------------------------

    /// <summary>(a): <c>let x = 0</c>, then <paramref name="n"/> iterations of one expect.</summary>
    private static string LoopScript(int n) => string.Create(CultureInfo.InvariantCulture, $$"""
        # interpreter benchmark (a): one expect on integer arithmetic, {{n}} times
        let x = 0
        for i in 0..{{n}} {
          expect $i * 3 + 1 > $i
        }
        expect $x == 0

        """);

    /// <summary>Statements (a) executes: <c>let</c>, <c>for</c> (once), n expects, the last expect.</summary>
    private static long LoopStatementCount(int n) => 1 + 1 + n + 1;

    /// <summary>
    /// (b): walk.c's k=1 table in walk.c's order (<see cref="WalkTable.Build"/>'s, with its names:
    /// p0, p1, ... in creation order). There is no <c>if</c>: every 4th level-1 page in creation
    /// order is index 0, 4, ..., 60 of its level-2 parent (64 per parent), so the innermost level
    /// is written as 16 groups of one unsynced page and three plain ones.
    /// </summary>
    private static string TableScript()
    {
        int pages = WalkTable.PageCount(1);
        int last = pages - 1;        // the last level-1 page: index 63 of the last level-2 page
        int lastUnsync = last - 3;   // index 60 of it: unsynced
        return string.Create(CultureInfo.InvariantCulture, $$"""
            # interpreter benchmark (b): walk.c's table at k=1 (1 + 8 + 512 + 32,768 pages), built as
            # walk.c's main() builds it: each page linked right after it is made, every 4th level-1
            # page (in creation order) unsynced right after its link. Then one sync of the root.
            root p0 level 4
            let id = 1
            for a in 0..8 {
              let p3 = $id
              page p$p3 level 3
              link p0[$a] -> p$p3
              let id = $id + 1
              for b in 0..64 {
                let p2 = $id
                page p$p2 level 2
                link p$p3[$b] -> p$p2
                let id = $id + 1
                for q in 0..16 {
                  page p$id level 1
                  link p$p2[$q * 4] -> p$id
                  unsync p$id
                  let id = $id + 1
                  for r in 1..4 {
                    page p$id level 1
                    link p$p2[$q * 4 + $r] -> p$id
                    let id = $id + 1
                  }
                }
              }
            }
            expect $id == {{pages}}
            expect stat.unsync == 8192 && p0.unsync_children == 8 && p0.bitmap == {0,1,2,3,4,5,6,7}
            sync p0
            expect stat.syncs == 8192 && stat.unsync == 0 && stat.warnings == 0
            expect p0.unsync_children == 0 && p0.bitmap == {}
            expect p{{last}}.level == 1 && p{{last}}.syncs == 0 && p{{lastUnsync}}.syncs == 1 && !p{{lastUnsync}}.unsync
            stats

            """);
    }

    /// <summary>
    /// Statements (b) executes, as the interpreter counts them (every statement executed; a
    /// <c>for</c> once, its body once per iteration): 3 before the loops, 5 per level-3 iteration,
    /// 5 per level-2 one, 5 per group of four level-1 pages, 3 per other level-1 page, 7 after.
    /// </summary>
    private static long TableStatementCount()
    {
        const long a = 8;
        const long b = a * 64;
        const long q = b * 16;
        const long r = q * 3;
        return 3 + (5 * a) + (5 * b) + (5 * q) + (3 * r) + 7;
    }

    /// <summary>Loop iterations (b) makes: 8 + 8*64 + 8*64*16 + 8*64*16*3.</summary>
    private static long TableIterationCount() => 8 + (8 * 64) + (8 * 64 * 16) + (8 * 64 * 16 * 3);

    // ---- direct engine calls ---------------------------------------------------------------

    private sealed record Direct(ShadowMmu Mmu, ShadowPage Root, SyncOutcome Outcome, int Pages, int Unsynced);

    /// <summary>
    /// The script's work as direct calls: the same pages with the same names, made, linked and
    /// unsynced in the same order, then <c>SyncChildren(p0)</c>, on an engine set up as the
    /// interpreter sets up its own (defaults: sync postconditions checked, no observer).
    /// </summary>
    private static Direct BuildAndSyncDirect(UnsyncWalkAlgorithm algorithm)
    {
        var table = WalkTable.Build(algorithm, 1, checkSyncPostconditions: true);
        var outcome = table.Mmu.SyncChildren(table.Root);
        return new Direct(table.Mmu, table.Root, outcome, table.Pages, table.Unsynced);
    }

    /// <summary>The line the script's <c>stats</c> prints, from an engine's counters.</summary>
    private static string StatsLine(ShadowMmu mmu)
    {
        var st = mmu.Stats;
        return string.Create(CultureInfo.InvariantCulture, $"stat.unsync={st.Unsync} walks={st.Walks} visits={st.Visits} syncs={st.Syncs} zaps={st.Zaps} interrupted={st.Interrupted} warnings={st.Warnings}\n");
    }

    private static void CheckDirect(Direct d, List<string> failures)
    {
        long syncs = d.Mmu.Stats.Syncs;
        if (d.Outcome != SyncOutcome.Done || syncs != d.Unsynced || d.Unsynced != 8192 || d.Pages != WalkTable.PageCount(1)
            || d.Root.UnsyncChildren != 0 || d.Mmu.Stats.Unsync != 0 || d.Mmu.Warnings.Count != 0)
        {
            failures.Add($"direct: {d.Pages} pages, sync returned {d.Outcome}, synced {syncs} of {d.Unsynced}, unsync left {d.Mmu.Stats.Unsync}, root unsync_children {d.Root.UnsyncChildren}, {d.Mmu.Warnings.Count} warnings");
        }
    }

    // ---- measuring -------------------------------------------------------------------------

    /// <summary>One timed region: wall time, bytes allocated (all threads: the runner runs the
    /// script on a thread of its own), methods compiled, time the GC paused the process, and
    /// collections of each generation.</summary>
    private sealed record Sample(double Ms, long Allocated, long Jitted, double GcPauseMs, int Gen0, int Gen1, int Gen2);

    private sealed record Measured(List<Sample> Samples)
    {
        public List<double> Ms => Samples.Select(s => s.Ms).ToList();

        public double MedianMs => Stats.Median(Ms);

        public long MaxAllocated => Samples.Max(s => s.Allocated);

        public long Jitted => Samples.Sum(s => s.Jitted);

        public double MedianGcMs => Stats.Median(Samples.Select(s => s.GcPauseMs).ToList());

        /// <summary>Collections per run (median of each generation) as gen0/gen1/gen2.</summary>
        public string Collections => string.Join("/", new Func<Sample, int>[] { s => s.Gen0, s => s.Gen1, s => s.Gen2 }
            .Select(g => Stats.Median(Samples.Select(s => (double)g(s)).ToList()).ToString("0.#", CultureInfo.InvariantCulture)));
    }

    private static Sample Time(Action action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        long jit0 = JitInfo.GetCompiledMethodCount();
        long alloc0 = GC.GetTotalAllocatedBytes(precise: true);
        var pause0 = GC.GetTotalPauseDuration();
        int[] gc0 = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        long t0 = Stopwatch.GetTimestamp();
        action();
        long t1 = Stopwatch.GetTimestamp();
        var pause1 = GC.GetTotalPauseDuration();
        int[] gc = [GC.CollectionCount(0) - gc0[0], GC.CollectionCount(1) - gc0[1], GC.CollectionCount(2) - gc0[2]];
        long alloc1 = GC.GetTotalAllocatedBytes(precise: true);
        long jit1 = JitInfo.GetCompiledMethodCount();

        // CollectionCount(n) counts every collection of generation n or higher: report each generation's own.
        return new Sample(Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds, alloc1 - alloc0, jit1 - jit0, (pause1 - pause0).TotalMilliseconds, gc[0] - gc[1], gc[1] - gc[2], gc[2]);
    }

    /// <summary>Runs a script; a run that does not exit 0 (or fails <paramref name="check"/>) is a FAIL.</summary>
    private static Sample TimeScript(string path, string text, RunOptions runOptions, List<string> failures, Action<ScenarioResult>? check)
    {
        ScenarioResult? result = null;
        var sample = Time(() => result = ScenarioRunner.RunText(path, text, runOptions));
        CheckResult(path, result!, failures);
        check?.Invoke(result!);
        return sample;
    }

    private static void CheckResult(string path, ScenarioResult result, List<string> failures)
    {
        if (result.ExitCode == 0)
        {
            return;
        }

        var lines = result.Errors.Select(e => e.Render()).Concat(result.Failures.Select(f => f.Render())).Take(3).Select(s => s.TrimEnd().Replace("\n", " | ", StringComparison.Ordinal));
        failures.Add($"{path}: exit code {result.ExitCode}: {string.Join(" || ", lines)}");
    }

    private static Measured MeasureScript(string path, string text, RunOptions runOptions, int warmup, int runs, List<string> failures, Action<ScenarioResult>? check)
    {
        for (int n = 0; n < warmup; n++)
        {
            TimeScript(path, text, runOptions, failures, check);
        }

        JitWarmUp.WaitForQuiet();
        var samples = new List<Sample>();
        for (int n = 0; n < runs; n++)
        {
            samples.Add(TimeScript(path, text, runOptions, failures, check));
        }

        return new Measured(samples);
    }

    /// <summary>(b): script runs and direct builds alternating, so a slow spell hits both.</summary>
    private static (Measured Script, Measured Direct) MeasureTable(string tableScript, UnsyncWalkAlgorithm algorithm, RunOptions runOptions, int warmup, int runs, List<string> failures)
    {
        for (int n = 0; n < warmup; n++)
        {
            TableRound(tableScript, algorithm, runOptions, failures);
        }

        JitWarmUp.WaitForQuiet();
        var script = new List<Sample>();
        var direct = new List<Sample>();
        for (int n = 0; n < runs; n++)
        {
            var (s, d) = TableRound(tableScript, algorithm, runOptions, failures);
            script.Add(s);
            direct.Add(d);
        }

        return (new Measured(script), new Measured(direct));
    }

    /// <summary>One script run and one direct build, each checked; the script's stats line must be the direct engine's.</summary>
    private static (Sample Script, Sample Direct) TableRound(string tableScript, UnsyncWalkAlgorithm algorithm, RunOptions runOptions, List<string> failures)
    {
        Direct? direct = null;
        var d = Time(() => direct = BuildAndSyncDirect(algorithm));
        CheckDirect(direct!, failures);
        string expected = StatsLine(direct!.Mmu);
        direct = null;

        var s = TimeScript(TablePath, tableScript, runOptions, failures, result =>
        {
            if (result.Output != expected)
            {
                failures.Add($"{TablePath}: the script printed '{result.Output.TrimEnd()}', the direct calls give '{expected.TrimEnd()}': not the same work");
            }
        });
        return (s, d);
    }

    private static Measured MeasureParse(string path, string text)
    {
        for (int n = 0; n < 3; n++)
        {
            ScenarioParser.Parse(path, text);
        }

        var samples = new List<Sample>();
        for (int n = 0; n < ParseRuns; n++)
        {
            samples.Add(Time(() => ScenarioParser.Parse(path, text)));
        }

        return new Measured(samples);
    }

    private static void CheckParses(string path, string text, List<string> failures)
    {
        var parsed = ScenarioParser.Parse(path, text);
        foreach (var d in parsed.Diagnostics)
        {
            failures.Add("the benchmark's own script does not parse: " + d.Render(text).Replace("\n", " | ", StringComparison.Ordinal));
        }
    }

    /// <summary>
    /// The statement count the figures divide by is the interpreter's own. Its statement budget
    /// (<see cref="RunOptions.MaxStatements"/>) counts statements and loop iterations together,
    /// its loop limit (<see cref="RunOptions.MaxLoopIterations"/>) iterations alone: with both set
    /// to the counts the script runs to its end; with either one less it stops with that limit's
    /// error.
    /// </summary>
    private static void CheckStatementCount(string path, string text, long statements, long iterations, RunOptions runOptions, List<string> failures)
    {
        long budget = statements + iterations;
        var exact = ScenarioRunner.RunText(path, text, runOptions with { MaxStatements = budget, MaxLoopIterations = iterations });
        CheckResult(path + $" (MaxStatements {budget}, MaxLoopIterations {iterations})", exact, failures);
        var lessBudget = ScenarioRunner.RunText(path, text, runOptions with { MaxStatements = budget - 1 });
        if (!lessBudget.Errors.Any(e => e.Kind == ErrorKind.StatementBudget))
        {
            failures.Add($"{path}: with MaxStatements {budget - 1} the run did not exhaust its budget (exit {lessBudget.ExitCode}): {statements} statements + {iterations} iterations is wrong");
        }

        var lessIterations = ScenarioRunner.RunText(path, text, runOptions with { MaxLoopIterations = iterations - 1 });
        if (!lessIterations.Errors.Any(e => e.Kind == ErrorKind.LoopLimit))
        {
            failures.Add($"{path}: with MaxLoopIterations {iterations - 1} the run did not reach its loop limit (exit {lessIterations.ExitCode}): {iterations} iterations is wrong");
        }
    }

    private static (int Rounds, long Methods, bool Quiet) WarmUpJit(string warmLoopScript, string tableScript, UnsyncWalkAlgorithm algorithm, RunOptions runOptions, List<string> failures) =>
        JitWarmUp.Run(
            () =>
            {
                TimeScript(LoopPath, warmLoopScript, runOptions, failures, check: null);
                TableRound(tableScript, algorithm, runOptions, failures);
                ScenarioParser.Parse(TablePath, tableScript);
            },
            MaxWarmUpRounds);

    // ---- reporting -------------------------------------------------------------------------

    private static void Report(
        TextWriter w,
        Options options,
        string algorithm,
        (int Rounds, long Methods, bool Quiet) warm,
        long loopStatements,
        long tableStatements,
        long tableIterations,
        Measured loop,
        Measured loopParse,
        Measured table,
        Measured tableParse,
        Measured direct,
        List<string> failures,
        TimeSpan elapsed)
    {
        static string Spread(List<double> values) => "±" + TextTable.Num(Stats.HalfIqrPercent(values), 0) + "%";
        static string PerSecond(double count, double ms) => TextTable.Int((long)Math.Round(count / (ms / 1000)));
        static string Ms(double ms) => TextTable.Num(ms, ms < 10 ? 2 : 1);

        w.WriteLine("MmuDsl benchmark: interpreter (ScenarioRunner.RunText of generated scripts)");
        w.WriteLine($"  machine   : {BuildInfo.Machine()}");
        w.WriteLine($"  algorithm : {algorithm} only (RunOptions.Algorithms = [\"{algorithm}\"]; --algorithm to change)");
        w.WriteLine($"  timing    : Stopwatch around the whole RunText (parse, its own 256 MiB-stack thread, the run, golden/warning");
        w.WriteLine($"              judging, output merge), after a full GC; median of {options.Runs} runs after {options.Warmup} warm-up run(s) per row;");
        w.WriteLine($"              before all rows a JIT warm-up, {warm.Rounds} rounds ({warm.Methods} methods compiled; " + (warm.Quiet ? $"then quiet for {JitWarmUp.QuietRounds} rounds)" : "NOT quiet: timings may include unoptimized code)"));
        w.WriteLine($"  parse     : ScenarioParser.Parse of the same text timed on its own (median of {ParseRuns}) and SUBTRACTED:");
        w.WriteLine("              'run ms' = median RunText - median parse; every rate and the ratio use 'run ms'");
        w.WriteLine("  statements: each statement executed counts once (a for once, its body's statements once per iteration;");
        w.WriteLine("              iterations themselves not counted); checked against the interpreter's own counters: with");
        w.WriteLine("              MaxStatements = statements + iterations and MaxLoopIterations = iterations the script runs to its");
        w.WriteLine("              end, with either one less it stops");
        w.WriteLine();

        double loopRun = loop.MedianMs - loopParse.MedianMs;
        w.WriteLine($"(a) for i in 0..{LoopCount:N0} {{ expect $i * 3 + 1 > $i }}: {LoopCount:N0} expects, {loopStatements:N0} statements in all, {LoopCount:N0} iterations");
        w.WriteLine("    (expects/s counts the loop's expects only; ns/expect = run ms / expects; alloc: bytes allocated per run, all threads;");
        w.WriteLine("    GC ms: time the GC paused the process during the run, median; gen0/1/2: collections per run, median)");
        var a = new TextTable("RunText ms", "", "parse ms", "run ms", "expects/s", "statements/s", "ns/expect", "alloc B/expect", "GC ms", "gen0/1/2", "runs", "jit");
        a.Add(Ms(loop.MedianMs), Spread(loop.Ms), Ms(loopParse.MedianMs), Ms(loopRun), PerSecond(LoopCount, loopRun), PerSecond(loopStatements, loopRun),
            TextTable.Num(loopRun * 1e6 / LoopCount), TextTable.Num((double)loop.MaxAllocated / LoopCount, 0), Ms(loop.MedianGcMs), loop.Collections,
            TextTable.Int(loop.Samples.Count), TextTable.Int(loop.Jitted));
        a.WriteTo(w);
        w.WriteLine();

        double tableRun = table.MedianMs - tableParse.MedianMs;
        double ratio = tableRun / direct.MedianMs;
        bool met = ratio <= RatioGoal;
        int pages = WalkTable.PageCount(1);
        w.WriteLine($"(b) walk.c's k=1 table ({pages:N0} pages, 8,192 unsync) built with for loops, then 'sync p0', then checked by expects:");
        w.WriteLine($"    the script ({tableStatements:N0} statements, {tableIterations:N0} iterations) against the same CreateRoot/CreatePage/Link/Unsync/SyncChildren calls");
        w.WriteLine("    made directly (same names, same order, the interpreter's engine settings), runs alternating; the script's");
        w.WriteLine($"    'stats' line must equal the direct engine's. goal: script (run ms) within {RatioGoal:0.#}x of direct");
        var b = new TextTable("<side", "RunText ms", "", "parse ms", "run ms", "", "statements/s", "ns/page", "alloc B/page", "GC ms", "gen0/1/2", "runs", "jit");
        b.Add("script", Ms(table.MedianMs), Spread(table.Ms), Ms(tableParse.MedianMs), Ms(tableRun), "", PerSecond(tableStatements, tableRun),
            TextTable.Num(tableRun * 1e6 / pages), TextTable.Num((double)table.MaxAllocated / pages, 0), Ms(table.MedianGcMs), table.Collections,
            TextTable.Int(table.Samples.Count), TextTable.Int(table.Jitted));
        b.Add("direct", "", "", "", Ms(direct.MedianMs), Spread(direct.Ms), "",
            TextTable.Num(direct.MedianMs * 1e6 / pages), TextTable.Num((double)direct.MaxAllocated / pages, 0), Ms(direct.MedianGcMs), direct.Collections,
            TextTable.Int(direct.Samples.Count), TextTable.Int(direct.Jitted));
        b.WriteTo(w);
        w.WriteLine();

        var r = new TextTable("<ratio", "value", "<goal");
        r.Add("script/direct (run ms)", TextTable.Num(ratio, 2) + "x", $"<={RatioGoal:0.#}x " + (met ? "met" : "MISSED"));
        r.Add("script/direct (RunText ms, parse included)", TextTable.Num(table.MedianMs / direct.MedianMs, 2) + "x", "");
        r.WriteTo(w);
        w.WriteLine();

        w.WriteLine("Goals: " + (met ? "1 of 1 met." : $"0 of 1 met; missed: script/direct {TextTable.Num(ratio, 2)}x"));
        ChecksFooter.Write(w, failures, [
            "Checks: every run exited 0 (its expects held); the table script did the direct calls' work (same stats line:",
            "        walks, visits, 8,192 syncs), ending with the root clean.",
        ], elapsed);
    }

    private static void Progress(string message) => Console.Error.WriteLine("  .. " + message);

    // ---- options ---------------------------------------------------------------------------

    private sealed record Options(int Runs, int Warmup, string Algorithm)
    {
        public const string Usage = "options: --runs N (timed runs per row, at least 3, default 9)  --warmup N (warm-up runs per row, default 2)  --algorithm legacy|recursive (default legacy)";

        public static bool TryParse(IReadOnlyList<string> args, out Options options, out string error)
        {
            int runs = 9, warmup = 2;
            string algorithm = "legacy";
            bool ok = BenchArgs.TryParse(args, 3, ref runs, ref warmup, new Dictionary<string, Action<string>> { ["--algorithm"] = v => algorithm = v }, out error);
            options = new Options(runs, warmup, algorithm);
            return ok;
        }
    }
}
