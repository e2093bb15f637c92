using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using MmuDsl.Explore;
using MmuDsl.Mmu.Algorithms;
using MmuDsl.Mmu.Bench.Harness;
using MmuDsl.Mmu.Invariants;

namespace MmuDsl.Mmu.Bench.Benchmarks;

/// <summary>
/// <c>explore</c>: the explorer's search on one core against the search it replaced, on the same
/// bounds in the same process: (1) the replay baseline (each (shape, capacity) on its own, every
/// state rebuilt by replaying its operation sequence on fresh engines), (2) the vector search (states
/// packed into byte vectors and restored, issue 16; the clone search before it) with capacities
/// separate, (3) the vector search sharing one run across capacities until a batch fills
/// (what <c>mmudsl explore</c> runs). Prints states per second and each search's speed-up over the
/// baseline. All three must count the same states and transitions, the two vector searches the same
/// findings, and legacy against recursive must be clean; otherwise FAIL (exit 1).
/// </summary>
internal sealed class ExploreBenchmark : IBenchmark
{
    // One baseline run longer than this: the baseline is timed once (the vector searches still
    // run --runs times).
    private const double BaselineOnceSeconds = 60;

    public string Name => "explore";

    public string Summary => "Explorer.Run on one core against the replay search it replaced (states per second)";

    public int Run(IReadOnlyList<string> args, TextWriter output)
    {
        if (!Options.TryParse(args, out var options, out string error))
        {
            return BenchArgs.Refuse(error, Options.Usage);
        }

        var clock = Stopwatch.StartNew();
        var bounds = ExploreOptions.Default with { MaxPages = options.Pages, MaxOperations = options.Ops, Parallelism = 1, Shrink = false };
        var searches = Searches();
        var failures = new List<string>();

        var tiny = bounds with { MaxPages = 1, MaxOperations = 2 };
        Progress($"JIT warm-up: each search once at --pages {tiny.MaxPages} --ops {tiny.MaxOperations}");
        foreach (var search in searches)
        {
            search.Run(tiny);
        }

        Progress($"{options.Warmup} warm-up run(s) of '{searches[^1].Name}' at --pages {options.Pages} --ops {options.Ops}");
        for (int n = 0; n < options.Warmup; n++)
        {
            searches[^1].Run(bounds);
        }

        // Rounds of the three searches in turn, so that a slow spell of the machine hits each alike.
        var measured = searches.Select(s => new Measured(s)).ToArray();
        bool baselineOnce = false;
        for (int round = 0; round < options.Runs; round++)
        {
            foreach (var m in measured)
            {
                if (m.Search.IsBaseline && baselineOnce)
                {
                    continue;
                }

                JitWarmUp.WaitForQuiet();
                double seconds = m.Time(bounds, failures);
                Progress($"round {round + 1}/{options.Runs}: {m.Search.Name,-34} {seconds.ToString("F2", CultureInfo.InvariantCulture)} s");
                if (m.Search.IsBaseline && seconds > BaselineOnceSeconds && options.Runs > 1)
                {
                    baselineOnce = true;
                    Progress($"the baseline took over {BaselineOnceSeconds:0} s: timed once");
                }
            }
        }

        Check(measured, failures);
        Report(output, options, bounds, measured, baselineOnce, failures, clock.Elapsed);
        return failures.Count == 0 ? 0 : 1;
    }

    // ---- the searches ----------------------------------------------------------------------

    /// <summary>What a search counted; <see cref="Computed"/> is the transitions actually run.</summary>
    private sealed record Outcome(long States, long Transitions, long Computed, ImmutableDictionary<FindingClass, long> Classes, bool Clean, int Shapes, int Runs);

    private sealed record Search(string Name, bool IsBaseline, Func<ExploreOptions, Outcome> Run);

    private static Search[] Searches() =>
    [
        new("replay baseline", true, ReplaySearch.Run),
        new("vector search, capacities separate", false, bounds => Explore(bounds with { ShareCapacities = false })),
        new("vector search, capacities shared", false, Explore),
    ];

    private static Outcome Explore(ExploreOptions bounds)
    {
        var report = Explorer.Run(bounds with { Parallelism = 1, Shrink = false });
        return new Outcome(
            report.States,
            report.Transitions,
            report.Computed,
            report.Classes.ToImmutableDictionary(c => c.Key, c => c.Value.Count),
            report.Clean,
            report.Shapes,
            report.Runs);
    }

    /// <summary>
    /// The explorer's search before it cloned states, single-threaded: each shape under each of its
    /// capacities separately, breadth first; the frontier holds operation sequences, and every state
    /// is rebuilt by replaying its sequence on fresh engines, once to list its operations and once
    /// more for each operation tried. Every transition is checked as the explorer checks it
    /// (invariants and warnings under each algorithm, then the comparison); the states reached
    /// are deduplicated per (shape, capacity) by <see cref="StateHash"/>.
    /// </summary>
    private sealed class ReplaySearch
    {
        private readonly ExploreOptions _options;
        private readonly UnsyncWalkAlgorithm _first;
        private readonly UnsyncWalkAlgorithm _second;
        private readonly Dictionary<FindingClass, long> _classes = Enum.GetValues<FindingClass>().ToDictionary(c => c, _ => 0L);
        private long _states;
        private long _transitions;

        private ReplaySearch(ExploreOptions options)
        {
            _options = options;
            _first = options.First;
            _second = options.Second;
        }

        public static Outcome Run(ExploreOptions options)
        {
            var search = new ReplaySearch(options);
            var shapes = ShapeEnumerator.Enumerate(options);
            int runs = 0;
            foreach (var shape in shapes)
            {
                foreach (int capacity in Capacities(shape, options))
                {
                    search.SearchOne(shape, capacity);
                    runs++;
                }
            }

            var classes = search._classes.ToImmutableDictionary();
            bool clean = classes[FindingClass.InvariantViolation] == 0 && classes[FindingClass.SemanticDivergence] == 0 && classes[FindingClass.MetadataNotAllowed] == 0;
            return new Outcome(search._states, search._transitions, search._transitions, classes, clean, shapes.Count, runs);
        }

        // The explorer's capacities: the shape's smallest safe one and the default, and any extra.
        private static SortedSet<int> Capacities(Shape shape, ExploreOptions options)
        {
            var set = new SortedSet<int> { Math.Max(2, shape.HighestRootLevel), ShadowMmu.DefaultBatchCapacity };
            foreach (int c in options.ExtraCapacities)
            {
                set.Add(c);
            }

            return set;
        }

        private void SearchOne(Shape shape, int capacity)
        {
            var seen = new HashSet<(ulong, ulong)> { StateHash.Of(EnginePair.Build(shape, capacity, _first, _second)) };
            var frontier = new List<ImmutableArray<Operation>> { ImmutableArray<Operation>.Empty };
            for (int depth = 0; depth < _options.MaxOperations && frontier.Count > 0; depth++)
            {
                var next = new List<ImmutableArray<Operation>>();
                foreach (var sequence in frontier)
                {
                    var pair = Explorer.Replay(shape, capacity, sequence, _first, _second);
                    foreach (var op in pair.ValidOperations(shape, _options.Slots, _options.RawLink, _options.Yields))
                    {
                        var after = Explorer.Replay(shape, capacity, sequence, _first, _second);
                        int warningsA = after.First.Warnings.Count;
                        int warningsB = after.Second.Warnings.Count;
                        after.Apply(op, shape);
                        _transitions++;
                        if (Diverged(after, warningsA, warningsB))
                        {
                            continue;
                        }

                        if (seen.Add(StateHash.Of(after)))
                        {
                            next.Add(sequence.Add(op));
                        }
                    }
                }

                frontier = next;
            }

            _states += seen.Count;
        }

        /// <summary>Checks one transition and counts its findings; true on a semantic divergence (not explored further).</summary>
        private bool Diverged(EnginePair pair, int warningsA, int warningsB)
        {
            foreach (var (mmu, warningsBefore) in new[] { (pair.First, warningsA), (pair.Second, warningsB) })
            {
                if (InvariantChecker.Check(mmu).Count > 0 || mmu.Warnings.Count > warningsBefore)
                {
                    _classes[FindingClass.InvariantViolation]++;
                }
            }

            if (Explorer.Classify(pair) is not { } c)
            {
                return false;
            }

            _classes[c.Class]++;
            return c.Class is FindingClass.SemanticDivergence or FindingClass.SemanticDivergenceAfterInterrupt or FindingClass.SemanticDivergenceAfterYield;
        }
    }

    // ---- measuring -------------------------------------------------------------------------

    /// <summary>The timed runs of one search, and what its first run counted.</summary>
    private sealed class Measured(Search search)
    {
        public Search Search { get; } = search;

        public List<double> Seconds { get; } = [];

        public Outcome? Outcome { get; private set; }

        public double Median => Stats.Median(Seconds);

        /// <summary>One timed run after a full GC; a run that counts differently from the first is a failure.</summary>
        public double Time(ExploreOptions bounds, List<string> failures)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            long t0 = Stopwatch.GetTimestamp();
            var outcome = Search.Run(bounds);
            double seconds = Stopwatch.GetElapsedTime(t0).TotalSeconds;
            Seconds.Add(seconds);
            if (Outcome == null)
            {
                Outcome = outcome;
            }
            else if (outcome.States != Outcome.States || outcome.Transitions != Outcome.Transitions || outcome.Computed != Outcome.Computed)
            {
                failures.Add($"{Search.Name}: run {Seconds.Count} counted {outcome.States} states, {outcome.Transitions} transitions ({outcome.Computed} run), the first {Outcome.States}, {Outcome.Transitions} ({Outcome.Computed})");
            }

            return seconds;
        }
    }

    private static void Check(Measured[] measured, List<string> failures)
    {
        var baseline = measured[0].Outcome!;
        var separate = measured[1].Outcome!;
        var shared = measured[2].Outcome!;
        foreach (var m in measured.Skip(1))
        {
            var o = m.Outcome!;
            if (o.States != baseline.States)
            {
                failures.Add($"{m.Search.Name}: {o.States} states, the replay baseline {baseline.States} ({o.States - baseline.States:+#;-#;0})");
            }

            if (o.Transitions != baseline.Transitions)
            {
                failures.Add($"{m.Search.Name}: {o.Transitions} transitions, the replay baseline {baseline.Transitions} ({o.Transitions - baseline.Transitions:+#;-#;0})");
            }
        }

        foreach (var c in Enum.GetValues<FindingClass>())
        {
            if (separate.Classes[c] != shared.Classes[c])
            {
                failures.Add($"{c}: {separate.Classes[c]} transitions with capacities separate, {shared.Classes[c]} shared");
            }

            if (baseline.Classes[c] != shared.Classes[c])
            {
                failures.Add($"{c}: {baseline.Classes[c]} transitions in the replay baseline, {shared.Classes[c]} in the vector search");
            }
        }

        foreach (var m in measured)
        {
            if (!m.Outcome!.Clean)
            {
                failures.Add($"{m.Search.Name}: legacy against recursive is not clean");
            }
        }
    }

    // ---- reporting -------------------------------------------------------------------------

    private static void Report(TextWriter w, Options options, ExploreOptions bounds, Measured[] measured, bool baselineOnce, List<string> failures, TimeSpan elapsed)
    {
        string S(FormattableString f) => f.ToString(CultureInfo.InvariantCulture);
        var shared = measured[^1].Outcome!;
        double baseline = measured[0].Median;
        w.WriteLine("MmuDsl benchmark: explore (Explorer.Run on one core against the replay search it replaced)");
        w.WriteLine($"  machine : {BuildInfo.Machine()}");
        w.WriteLine("  timing  : Stopwatch around each whole search (shape enumeration included), single-threaded (Parallelism = 1),");
        w.WriteLine("            no shrinking, after a full GC; the three searches in turn in each round; median of " + S($"{options.Runs} round(s) after a JIT"));
        w.WriteLine(S($"            warm-up (each search once at --pages 1 --ops 2) and {options.Warmup} untimed run(s) of the shared vector search"));
        if (baselineOnce)
        {
            w.WriteLine(S($"            the replay baseline was timed ONCE: its run took over {BaselineOnceSeconds:0} s"));
        }

        w.WriteLine(S($"  bounds  : {bounds.MaxRoots} roots, {bounds.MaxPages} further pages, levels 1..{bounds.MaxLevel}, slots {{{string.Join(",", bounds.Slots)}}}, up to {bounds.MaxOperations} operations, {bounds.First} against {bounds.Second};"));
        w.WriteLine(S($"            {shared.Shapes:N0} canonical shapes, {shared.Runs:N0} (shape, capacity) runs"));
        w.WriteLine("  searches: replay baseline: each (shape, capacity) on its own, every state replayed from the empty sequence on fresh");
        w.WriteLine("            engines (once for its operations, once per operation); vector search: Explorer.Run, states packed into");
        w.WriteLine("            byte vectors and restored instead of replayed, capacities separate or sharing a run until a batch fills");
        w.WriteLine();

        w.WriteLine("Search time (± is half the interquartile range of the runs; x baseline: baseline median / this median, same process)");
        var t = new TextTable("<search", "states", "transitions", "transitions run", "median s", "", "states/s", "µs/transition run", "x baseline", "runs");
        foreach (var m in measured)
        {
            var o = m.Outcome!;
            double median = m.Median;
            t.Add(m.Search.Name, TextTable.Int(o.States), TextTable.Int(o.Transitions), TextTable.Int(o.Computed), TextTable.Num(median, 2),
                "±" + TextTable.Num(Stats.HalfIqrPercent(m.Seconds), 0) + "%", TextTable.Int((long)Math.Round(o.States / median)),
                TextTable.Num(median * 1e6 / Math.Max(1, o.Computed), 2), TextTable.Num(baseline / median, 1), TextTable.Int(m.Seconds.Count));
        }

        t.WriteTo(w);
        w.WriteLine();

        var found = Enum.GetValues<FindingClass>().Where(c => shared.Classes[c] > 0).Select(c => S($"{c} {shared.Classes[c]:N0}")).ToList();
        w.WriteLine("Findings (transitions per class): " + (found.Count == 0 ? "none" : string.Join(", ", found)));
        ChecksFooter.Write(w, failures, [
            "Checks: the three searches counted the same states and transitions, and the same transitions per finding class;",
            "        every run of a search counted the same; legacy against recursive is clean.",
        ], elapsed);
    }

    private static void Progress(string message) => Console.Error.WriteLine("  .. " + message);

    // ---- options ---------------------------------------------------------------------------

    private sealed record Options(int Runs, int Warmup, int Pages, int Ops)
    {
        public const string Usage = "options: --runs N (rounds of the three searches, at least 1, default 3)  --warmup N (untimed runs of the shared vector search, default 1)  --pages N (further pages, default 2)  --ops N (longest sequence, at least 1, default 3)";

        public static bool TryParse(IReadOnlyList<string> args, out Options options, out string error)
        {
            int runs = 3, warmup = 1, pages = 2, ops = 3;
            string? bad = null;
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
                ["--pages"] = v => pages = Whole("--pages", v, 0, pages),
                ["--ops"] = v => ops = Whole("--ops", v, 1, ops),
            };
            bool ok = BenchArgs.TryParse(args, 1, ref runs, ref warmup, extra, out error);
            if (ok && bad != null)
            {
                error = bad;
                ok = false;
            }

            options = new Options(runs, warmup, pages, ops);
            return ok;
        }
    }
}
