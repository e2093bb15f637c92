using System.CommandLine;
using System.Globalization;
using System.Text;
using MmuDsl.Explore;
using MmuDsl.Explore.Shards;
using MmuDsl.Cli.Reports;
using MmuDsl.Mmu.Algorithms;
using MmuDsl.Plugins;

namespace MmuDsl.Cli.Commands;

/// <summary>
/// <c>mmudsl explore</c>: bounded exhaustive differential checking of two algorithms, with minimal
/// .mmu repros for whatever it finds.
/// </summary>
internal static class ExploreCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, CliEnvironment env)
    {
        var defaults = ExploreOptions.Default;
        var roots = new Option<int>("--roots") { Description = "Most roots in a shape", DefaultValueFactory = _ => defaults.MaxRoots };
        var pages = new Option<int>("--pages") { Description = "Most pages besides the roots (4 is too many to exhaust: see --sample)", DefaultValueFactory = _ => defaults.MaxPages };
        var maxLevel = new Option<int>("--max-level") { Description = "Highest level; roots are 2..N, other pages 1..N-1", DefaultValueFactory = _ => defaults.MaxLevel };
        var slots = new Option<string>("--slots") { Description = "Spte indexes children may occupy", DefaultValueFactory = _ => string.Join(",", defaults.Slots) };
        var ops = new Option<int>("--ops", "-k") { Description = "Longest operation sequence", DefaultValueFactory = _ => defaults.MaxOperations };
        var algorithms = new Option<string[]>("--algorithm", "-a") { Description = "The two algorithms to compare, by name or a plug-in's .cs file (default: legacy and recursive); mutants may be named" };
        var capacities = new Option<int[]>("--pvec") { Description = "Extra batch capacities to try besides the highest root level and 16 (below the root level: expect no-progress)", AllowMultipleArgumentsPerToken = true };
        var sample = new Option<int?>("--sample") { Description = "Explore only N of the canonical shapes, drawn at random (every sequence on each): for bounds too large to exhaust, such as --pages 4" };
        var seed = new Option<int>("--seed") { Description = "Seed of the --sample draw (the same seed draws the same shapes)", DefaultValueFactory = _ => 1 };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Worker threads (default: every core)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var output = new Option<string>("--out", "-o") { Description = "Folder for the .mmu repros", DefaultValueFactory = _ => "explore-repros" };
        var html = new Option<string?>("--html") { Description = "Also write an HTML report beside each repro (x.mmu, x.html), into DIR (the repro folder: -o DIR)" };
        var noShrink = new Option<bool>("--no-shrink") { Description = "Keep the smallest instance found without shrinking it" };
        var rawLink = new Option<bool>("--raw-link") { Description = "Link with link_shadow_page alone, whatever the child holds; by default links go through the page-fault path (link ... via fetch), which syncs a child with unsync children first" };
        var yields = new Option<bool>("--yield") { Description = "Also try syncs that yield after their first batch, with each operation of the bounds at the yield point (sync P yield-after 1 { X })" };
        var memory = new Option<string?>("--memory") { Description = "Memory the searches' visited sets and frontiers may hold at once, e.g. 4G, 512M, or 50% of the machine's (default: half of it)" };
        var exactStates = new Option<bool>("--exact-states") { Description = "Keep every state's vector in the visited set, not only its 128-bit hash: exact whatever the hash (some 30 bytes more a state)" };
        var noColor = new Option<bool>("--no-color") { Description = "Never colour the output" };
        var format = new Option<string>("--format", "-f") { Description = "Output format: text, or json (one object: bounds, counts, findings with their repro paths, work, verdict)", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var shard = new Option<string?>("--shard") { Description = "Explore only shard I of N (I/N, from 0/N): the N shards of the same bounds are disjoint, cover every shape once, and are balanced by estimated work; merge their --results with `explore merge`" };
        var results = new Option<string?>("--results") { Description = "Write this run's results (counts, findings with their repros, work, time) to FILE as JSON, atomically, for `explore merge`; progress is checkpointed to FILE.checkpoint, and a run given the same FILE takes it up" };
        var checkpointEvery = new Option<double>("--checkpoint-every") { Description = "Seconds between checkpoints of a run with --results", DefaultValueFactory = _ => defaults.CheckpointInterval.TotalSeconds };
        var command = new Command("explore", "Enumerate every page-table shape and operation sequence within the bounds, run each under two algorithms, and check the invariants and their agreement after every operation. Exit 0 when the verdict is clean, 1 when something was found (repros are written), 2 on bad options.");
        foreach (var o in new Option[] { roots, pages, maxLevel, slots, ops, algorithms, capacities, rawLink, yields, sample, seed, jobs, memory, exactStates, output, html, noShrink, format, noColor, shard, results, checkpointEvery })
        {
            command.Add(o);
        }

        command.Add(ExploreMergeCommand.Create(stdout, stderr, env));

        command.SetAction(parse =>
        {
            var names = CommonOptions.Algorithms(parse.GetValue(algorithms)) ?? ["legacy", "recursive"];
            if (names.Count != 2)
            {
                stderr.WriteLine("mmudsl: error: explore compares exactly two algorithms (e.g. -a legacy -a recursive)");
                return 2;
            }

            var registry = new AlgorithmRegistry(MmuDsl.Dsl.Sources.PluginFiles.Loader);
            var chosen = new List<UnsyncWalkAlgorithm>();
            var references = new List<string>();
            var hashes = new List<string?>();
            foreach (var n in names)
            {
                var resolved = registry.Resolve(n);
                if (resolved.Algorithm is not { } algorithm)
                {
                    ExploreRepro.WriteResolutionError(stderr, resolved);
                    return 2;
                }

                chosen.Add(algorithm);
                references.Add(resolved.Plugin is { } plugin ? ExploreRepro.Quote(plugin.Path) : algorithm.Name);
                hashes.Add(resolved.Plugin?.Sha256);
            }

            if (ReferenceEquals(chosen[0], chosen[1]))
            {
                stderr.WriteLine("mmudsl: error: explore compares two different algorithms");
                return 2;
            }

            List<int> slotList;
            try
            {
                slotList = parse.GetValue(slots)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).Distinct().Order().ToList();
            }
            catch (FormatException)
            {
                stderr.WriteLine("mmudsl: error: --slots takes spte indexes separated by commas, e.g. 0,63,511");
                return 2;
            }

            ShardSpec? slice = null;
            if (parse.GetValue(shard) is { } shardText)
            {
                slice = ShardSpec.Parse(shardText, out string? shardProblem);
                if (slice == null)
                {
                    stderr.WriteLine($"mmudsl: error: {shardProblem}");
                    return 2;
                }
            }

            double every = parse.GetValue(checkpointEvery);
            if (!(every >= 0) || every > TimeSpan.MaxValue.TotalSeconds / 2)
            {
                stderr.WriteLine($"mmudsl: error: --checkpoint-every takes seconds, 0 or more, not {every.ToString(CultureInfo.InvariantCulture)}");
                return 2;
            }

            long? memoryLimit = null;
            if (parse.GetValue(memory) is { } size)
            {
                memoryLimit = MemorySize(size);
                if (memoryLimit is not > 0)
                {
                    stderr.WriteLine($"mmudsl: error: --memory takes a size such as 4G, 512M or 50% (of the machine's memory), not '{size}'");
                    return 2;
                }
            }

            var options = new ExploreOptions
            {
                MaxRoots = parse.GetValue(roots),
                MaxPages = parse.GetValue(pages),
                MaxLevel = parse.GetValue(maxLevel),
                Slots = slotList,
                MaxOperations = parse.GetValue(ops),
                First = chosen[0],
                Second = chosen[1],
                ScriptReferences = (references[0], references[1]),
                ExtraCapacities = parse.GetValue(capacities) ?? [],
                Sample = parse.GetValue(sample),
                Seed = parse.GetValue(seed),
                Parallelism = parse.GetValue(jobs),
                PluginHashes = (hashes[0], hashes[1]),
                Shard = slice,
                ResultsFile = parse.GetValue(results),
                CheckpointInterval = TimeSpan.FromSeconds(every),
                Shrink = !parse.GetValue(noShrink),
                RawLink = parse.GetValue(rawLink),
                Yields = parse.GetValue(yields),
                MemoryLimit = memoryLimit,
                ExactStates = parse.GetValue(exactStates),
            };
            string folder = parse.GetValue(output)!;
            string? htmlFolder = parse.GetValue(html);
            if (htmlFolder != null)
            {
                if (parse.GetResult(output) is { Implicit: false } && Path.GetFullPath(folder) != Path.GetFullPath(htmlFolder))
                {
                    stderr.WriteLine("mmudsl: error: --html DIR writes the reports beside the repros: give one folder (--html DIR alone, or the same as -o)");
                    return 2;
                }

                folder = htmlFolder;
            }

            string? problem = options.Validate();
            if (problem != null)
            {
                stderr.WriteLine($"mmudsl: error: {problem}");
                return 2;
            }

            var paint = new Paint(env.OutputIsTerminal && !env.NoColorRequested && !parse.GetValue(noColor));
            ExploreReport report;
            using (var status = new ExploreStatusLines(stderr, env, options))
            {
                try
                {
                    report = Explorer.Run(options, null, status.Progress);
                }
                catch (ExploreLimitException e)
                {
                    status.Stop();
                    stderr.WriteLine($"mmudsl: error: {e.Message}");
                    return 2;
                }
                catch (Exception e) when (options.ResultsFile != null && e is IOException or UnauthorizedAccessException)
                {
                    status.Stop();
                    stderr.WriteLine($"mmudsl: error: results {options.ResultsFile}: {e.Message}");
                    return 2;
                }
            }

            if (report.CheckpointNote is { } note)
            {
                stderr.WriteLine($"mmudsl: warning: {note}");
            }

            var repros = ExploreRepro.WriteAll(report, folder);
            if (htmlFolder != null)
            {
                repros = ExploreHtml.WriteAll(repros);
            }

            stdout.Write(parse.GetValue(format) == "json" ? ExploreJsonReport.Render(report, repros) : Render(report, paint, repros));
            return report.Clean ? 0 : 1;
        });
        return command;
    }

    // A size in bytes, with a K, M, G or T suffix (powers of 1024), or a percentage of the memory
    // the process may use; null when it is not one.
    internal static long? MemorySize(string text)
    {
        text = text.Trim();
        if (text.EndsWith('%'))
        {
            return double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out double percent) && percent is > 0 and <= 100
                ? (long)(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes * percent / 100)
                : null;
        }

        int shift = text.Length == 0 ? 0 : char.ToUpperInvariant(text[^1]) switch { 'K' => 10, 'M' => 20, 'G' => 30, 'T' => 40, _ => 0 };
        string number = shift == 0 ? text : text[..^1];
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value > 0 && value * Math.Pow(2, shift) < long.MaxValue
            ? (long)(value * Math.Pow(2, shift))
            : null;
    }

    private static string Size(long bytes) =>
        bytes >= 1L << 30 ? string.Format(CultureInfo.InvariantCulture, "{0:0.0} GiB", bytes / (double)(1L << 30))
        : bytes >= 1L << 20 ? string.Format(CultureInfo.InvariantCulture, "{0:0.0} MiB", bytes / (double)(1L << 20))
        : string.Format(CultureInfo.InvariantCulture, "{0:0} KiB", bytes / 1024.0);

    internal static string Render(ExploreReport report, Paint paint, IReadOnlyDictionary<FindingClass, ExploreRepro> repros)
    {
        var o = report.Bounds;
        var (first, second) = (report.First.Name, report.Second.Name);
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.Append(paint.Bold($"mmudsl explore: {first} against {second}")).Append('\n');
        sb.Append($"  bounds: up to {o.MaxRoots} roots and {o.MaxPages} further pages, levels 1..{o.MaxLevel}, child slots {{{string.Join(",", o.Slots)}}}, sequences of up to {o.MaxOperations} operations\n");
        sb.Append($"  moves: links {(o.RawLink ? "raw (link_shadow_page alone, --raw-link)" : "through the page-fault path (via fetch: a child with unsync children is synced first)")}; unsync per gfn{(o.Yields ? "; syncs that yield after their first batch, with one operation at the yield point (--yield)" : string.Empty)}\n");
        sb.Append($"  batch capacities: the highest root's level and 16{(o.ExtraCapacities.Length > 0 ? ", " + string.Join(", ", o.ExtraCapacities) : string.Empty)}\n");
        double seconds = Math.Max(report.Elapsed.TotalSeconds, 1e-9);
        string shapes = report.Sampled
            ? string.Format(inv, "{0:N0} of {1:N0} canonical, drawn at random (--seed {2})", report.ShapesExplored, report.Shapes, o.Seed)
            : string.Format(inv, "{0:N0} canonical", report.Shapes);
        if (report.Shard is { } shard)
        {
            sb.Append(string.Format(inv, "  shard {0}: {1:N0} of the {2:N0} shapes explored, chosen by estimated work{3}\n", shard, report.ShapesInShard, report.ShapesExplored, report.ShapesResumed > 0 ? string.Format(inv, "; {0:N0} of them done before, taken up from the checkpoint", report.ShapesResumed) : string.Empty));
        }

        sb.Append(string.Format(inv, "  shapes: {0} ({1:N0} shape runs); states explored: {2:N0}; operations checked: {3:N0} ({4:N0} run: a run stands for every capacity until a batch fills)\n", shapes, report.Runs, report.States, report.Transitions, report.Computed));
        string peak = string.Format(inv, "at most {0} held at once{1} (budget {2}, --memory)", Size(report.PeakSearchBytes), report.MergedShards > 0 ? " on one shard" : string.Empty, Size(report.MemoryLimit));
        sb.Append(report.MergedShards > 0
            ? string.Format(inv, "  time: {0:0.0} s over {1} shards on {2} threads in all (longest shard {3:0.0} s); {4:N0} states/s per shard-second; {5}\n", report.Elapsed.TotalSeconds, report.MergedShards, report.Threads, report.LongestShard.TotalSeconds, report.States / seconds, peak)
            : string.Format(inv, "  time: {0:0.0} s on {1} threads; {2:N0} states/s; {3}\n", report.Elapsed.TotalSeconds, report.Threads, report.States / seconds, peak));
        sb.Append(string.Format(
            inv,
            "  memory: {0:0.0} bytes a state (packed); visited set of {1}; the largest search held {2} ({3:0} bytes a state)\n",
            report.BytesPerState,
            report.ExactStates ? "the states themselves (exact, --exact-states)" : string.Format(inv, "128-bit hashes (chance of a collision about {0:0.0e0})", report.CollisionChance),
            Size(report.LargestSearchBytes),
            report.MemoryPerState));
        sb.Append('\n');
        foreach (var (cls, count) in report.Classes)
        {
            string line = string.Format(inv, "  {0,-60} {1,10:N0}", ReproWriter.Title(cls) + ":", count.Count);
            sb.Append(count.Count == 0 ? line : cls is FindingClass.InvariantViolation or FindingClass.SemanticDivergence or FindingClass.MetadataNotAllowed or FindingClass.AlgorithmFailed ? paint.Red(line) : paint.Yellow(line));
            if (repros.TryGetValue(cls, out var repro))
            {
                sb.Append(repro.Error == null
                    ? $"   repro: {repro.Path} ({repro.Statements} statements)"
                    : $"   repro NOT written: {repro.Error}");
                if (repro.Report != null)
                {
                    sb.Append($", report: {repro.Report}");
                }
                else if (repro.ReportError != null)
                {
                    sb.Append($", report NOT written: {repro.ReportError}");
                }
            }

            sb.Append('\n');
        }

        if (report.ExpectedNoProgress > 0 || o.ExtraCapacities.Any(c => c < o.MaxLevel))
        {
            sb.Append(string.Format(inv, "  {0,-60} {1,10:N0}\n", "no-progress below a shape's safe capacity (expected, --pvec):", report.ExpectedNoProgress));
        }

        sb.Append('\n');
        sb.Append(string.Format(inv, "  work over everything explored: {0} {1:N0} walks, {2:N0} visits; {3} {4:N0} walks, {5:N0} visits\n", first, report.FirstWork.Walks, report.FirstWork.Visits, second, report.SecondWork.Walks, report.SecondWork.Visits));
        if (report.Largest is { } r)
        {
            sb.Append(string.Format(inv, "  largest visits ratio {0}/{1}: {2:0.00}x ({3} against {4}) on:\n", second, first, r.Ratio, r.SecondVisits, r.FirstVisits));
            if (r.Capacity != 16)
            {
                sb.Append($"      set pvec {r.Capacity}\n");
            }

            foreach (var s in r.Statements)
            {
                sb.Append("      ").Append(s).Append('\n');
            }
        }

        sb.Append('\n');
        sb.Append(report.Clean
            ? paint.Green($"verdict: within these bounds{(report.Shard is { } sh ? $" (shard {sh} only: merge every shard for the whole)" : string.Empty)}{(report.Sampled ? $" (on the {report.ShapesExplored:N0} shapes drawn, not all {report.Shapes:N0})" : string.Empty)}, {second} behaves exactly like {first}: no invariant broke, no warning fired{(report.ExpectedNoProgress > 0 ? " but the expected no-progress below the safe capacity" : string.Empty)}, and the semantic state (unsync pages, syncs per page, zapped pages, stat.unsync) never differed on a sequence without an interrupted{(o.Yields ? " or yielding" : string.Empty)} sync; metadata differences are only stale bits the next walk clears.{AfterStopNote(report)}")
            : paint.Red($"verdict: {first} and {second} are NOT equivalent within these bounds{(report.Sampled ? " (on the shapes drawn)" : string.Empty)}; see the repros above."));
        sb.Append('\n');
        return sb.ToString();
    }

    // A clean verdict still says when the states differed after a sync was stopped midway: which
    // leaf a batch reaches first may differ there, and a reviewer should look at that repro.
    private static string AfterStopNote(ExploreReport report)
    {
        long interrupted = report.Classes[FindingClass.SemanticDivergenceAfterInterrupt].Count;
        long yielded = report.Classes[FindingClass.SemanticDivergenceAfterYield].Count;
        if (interrupted == 0 && yielded == 0)
        {
            return string.Empty;
        }

        var parts = new List<string>();
        if (interrupted > 0)
        {
            parts.Add($"{interrupted:N0} after an interrupted sync");
        }

        if (yielded > 0)
        {
            parts.Add($"{yielded:N0} after a yielding sync");
        }

        return $" The semantic states did differ on {string.Join(" and ", parts)}: the order in which the batches reach the leaves differs once a sync is stopped midway; read those repros.";
    }
}
