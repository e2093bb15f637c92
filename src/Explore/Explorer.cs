using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using MmuDsl.Mmu;
using MmuDsl.Mmu.Algorithms;
using MmuDsl.Mmu.Invariants;
using MmuDsl.Explore.Results;
using MmuDsl.Explore.Shards;

namespace MmuDsl.Explore;

/// <summary>
/// Bounded exhaustive differential checking: every canonical shape within the bounds, every
/// operation sequence up to the bound (breadth first, deduplicated by a hash of the combined
/// state), under two algorithms; after every operation it checks the invariants under each and
/// compares their states. Shapes run in parallel on every core.
/// </summary>
public static class Explorer
{
    /// <summary>Explores; <paramref name="progress"/> hears of each finished (shape, capacity) run.</summary>
    public static ExploreReport Run(ExploreOptions options, IProgress<(int Done, int Total, long States)>? progress = null, CancellationToken cancel = default) =>
        Run(options, progress, null, cancel);

    /// <summary>
    /// Explores, keeping <paramref name="status"/> up to date: the phases as they start, the shapes
    /// found, and (when <see cref="ExploreOptions.Estimate"/>) an estimate of the work from a pilot
    /// of a few shapes before the search starts.
    /// </summary>
    public static ExploreReport Run(ExploreOptions options, IProgress<(int Done, int Total, long States)>? progress, ExploreProgress? status, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        var first = options.First;
        var second = options.Second;
        var clock = Stopwatch.StartNew();
        var report = new ExploreReport(options);
        var shapes = ShapeEnumerator.Enumerate(options, status);
        report.Shapes = shapes.Count;
        if (options.Sample is { } sample && sample < shapes.Count)
        {
            shapes = Draw(shapes, sample, options.Seed);
        }

        report.ShapesExplored = shapes.Count;
        var mine = options.Shard is { Count: > 1 } shard ? ShardPlan.Select(shapes, options, shard) : [.. Enumerable.Range(0, shapes.Count)];
        report.ShapesInShard = mine.Count;
        var budget = new MemoryBudget(options.MemoryLimit ?? MemoryBudget.DefaultLimit());
        report.MemoryLimit = budget.Limit;
        HashSet<int> done = [];
        var before = TimeSpan.Zero;
        ShardCheckpoint? checkpoint = null;
        if (options.ResultsFile != null)
        {
            checkpoint = ShardCheckpoint.Open(options, report, out done, out before, out string? note);
            report.CheckpointNote = note;
            report.ShapesResumed = mine.Count(done.Contains);
        }

        var todo = done.Count == 0 ? mine : [.. mine.Where(i => !done.Contains(i))];
        try
        {
            if (status != null)
            {
                status.Shapes = report.Shapes;
                status.ShapesToExplore = todo.Count;
                status.Runs = todo.Sum(i => Capacities(shapes[i], options).Length);
                if (options.Estimate)
                {
                    Estimate([.. todo.Select(i => shapes[i])], options, first, second, budget, status, cancel);
                }

                status.Start(ExplorePhase.Searching);
            }

            Search(shapes, todo, options, first, second, budget, report, done, checkpoint, () => before + clock.Elapsed, progress, status, cancel);
            report.PeakSearchBytes = Math.Max(report.PeakSearchBytes, budget.Peak);
        }
        catch (AggregateException e) when (e.InnerExceptions.OfType<ExploreLimitException>().FirstOrDefault() is { } limit)
        {
            throw limit;
        }

        report.Runs = mine.Sum(i => Capacities(shapes[i], options).Length);
        foreach (var (cls, count) in report.Classes)
        {
            if (count.Key is { } key && count.Smallest == null)
            {
                // Kept by a checkpoint only as its key: its shape's search finds it again.
                var acc = new ExploreAccumulator();
                new ShapeSearch(shapes[key.ShapeOrder], key.ShapeOrder, Capacities(shapes[key.ShapeOrder], options), options, first, second, acc, budget).Run();
                count.Smallest = acc.Classes[cls].Smallest is { } again && again.Key == key
                    ? again
                    : throw new InvalidOperationException($"the checkpoint's {cls} instance (shape {key.ShapeOrder}) was not found again: the search is not deterministic");
            }
        }

        status?.Start(options.Shrink ? ExplorePhase.Shrinking : ExplorePhase.Done);
        foreach (var count in report.Classes.Values)
        {
            if (count.Smallest is { } smallest)
            {
                var kept = options.Shrink ? Shrinker.Shrink(smallest, first, second, options.Slots) : smallest;
                count.Shrunk = options.Shrink ? kept : null;
                count.SetRepro(kept, ReproWriter.Write(kept, first, second, options.ScriptReferences));
            }
        }

        report.Elapsed = before + clock.Elapsed;
        if (options.ResultsFile != null)
        {
            report.Checkpoints = checkpoint!.Written;
            ResultsFile.Write(options.ResultsFile, ShardResults.Of(report));
            checkpoint.Delete();
        }

        status?.Start(ExplorePhase.Done);
        return report;
    }

    // A pilot of a few shapes spread over the enumeration order (which runs smallest first), timed
    // on the same threads; the whole is estimated in proportion. Its findings are not kept: the
    // search meets them again.
    private static void Estimate(List<Shape> shapes, ExploreOptions options, UnsyncWalkAlgorithm first, UnsyncWalkAlgorithm second, MemoryBudget budget, ExploreProgress status, CancellationToken cancel)
    {
        const int PilotSize = 12;
        status.Start(ExplorePhase.Estimating);
        if (shapes.Count == 0)
        {
            return;
        }

        var pilot = shapes.Count <= PilotSize ? shapes : [.. Enumerable.Range(0, PilotSize).Select(i => shapes[(int)((i + 0.5) * shapes.Count / PilotSize)])];
        var clock = Stopwatch.StartNew();
        long states = 0;
        Parallel.ForEach(
            pilot,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism), CancellationToken = cancel },
            shape =>
            {
                var acc = new ExploreAccumulator();
                new ShapeSearch(shape, 0, Capacities(shape, options), options, first, second, acc, budget).Run();
                Interlocked.Add(ref states, acc.States);
            });
        double scale = (double)shapes.Count / pilot.Count;
        status.PilotShapes = pilot.Count;
        status.EstimatedStates = states * scale;
        status.EstimatedTime = clock.Elapsed * scale;
    }

    // Every shape's search, on every core. Each shape's totals are added to the report as it ends,
    // under one lock, with the shape marked done: a checkpoint written under that lock holds whole
    // shapes only.
    private static void Search(List<Shape> shapes, List<int> todo, ExploreOptions options, UnsyncWalkAlgorithm first, UnsyncWalkAlgorithm second, MemoryBudget budget, ExploreReport report, HashSet<int> done, ShardCheckpoint? checkpoint, Func<TimeSpan> elapsed, IProgress<(int Done, int Total, long States)>? progress, ExploreProgress? status, CancellationToken cancel)
    {
        int finished = 0;
        long states = 0;
        var gate = new object();
        Parallel.ForEach(
            Partitioner.Create(0, todo.Count, 1),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism), CancellationToken = cancel },
            range =>
            {
                for (int n = range.Item1; n < range.Item2; n++)
                {
                    int i = todo[n];
                    var acc = new ExploreAccumulator();
                    new ShapeSearch(shapes[i], i, Capacities(shapes[i], options), options, first, second, acc, budget).Run();
                    lock (gate)
                    {
                        acc.MergeInto(report);
                        done.Add(i);
                        checkpoint?.MaybeWrite(report, done, elapsed());
                    }

                    int d = Interlocked.Increment(ref finished);
                    long s = Interlocked.Add(ref states, acc.States);
                    status?.ShapeDone(acc.States);
                    progress?.Report((d, todo.Count, s));
                }
            });
    }

    // `count` shapes drawn without replacement, kept in enumeration order.
    private static List<Shape> Draw(List<Shape> shapes, int count, int seed)
    {
        var random = new Random(seed);
        var indexes = Enumerable.Range(0, shapes.Count).ToArray();
        for (int i = 0; i < count; i++)
        {
            int j = random.Next(i, indexes.Length);
            (indexes[i], indexes[j]) = (indexes[j], indexes[i]);
        }

        return [.. indexes.Take(count).Order().Select(i => shapes[i])];
    }

    internal static int[] Capacities(Shape shape, ExploreOptions options)
    {
        var set = new SortedSet<int> { Math.Max(2, shape.HighestRootLevel), ShadowMmu.DefaultBatchCapacity };
        foreach (var c in options.ExtraCapacities)
        {
            set.Add(c);
        }

        return [.. set];
    }

    internal static EnginePair Replay(Shape shape, int capacity, ImmutableArray<Operation> sequence, UnsyncWalkAlgorithm first, UnsyncWalkAlgorithm second)
    {
        var pair = EnginePair.Build(shape, capacity, first, second);
        foreach (var op in sequence)
        {
            pair.Apply(op, shape);
        }

        return pair;
    }

    /// <summary>
    /// Compares the pair's states: a semantic divergence, a metadata-only difference, or nothing.
    /// The description (what differs, in words) is made only when <paramref name="describe"/>:
    /// the explorer classifies every transition and describes only the instances it keeps.
    /// </summary>
    internal static (FindingClass Class, string? Description)? Classify(EnginePair pair, bool describe = true)
    {
        if (pair.AlgorithmFailure is { } failure)
        {
            return (FindingClass.AlgorithmFailed, failure);
        }

        if (pair.StructuralDivergence is { } structural)
        {
            return (DivergenceClass(pair), structural);
        }

        // Compared page by page without snapshots: this runs once per explored operation.
        var fa = pair.FirstPages;
        var fb = pair.SecondPages;
        for (int i = 0; i < fa.Length; i++)
        {
            var p = fa[i];
            var q = fb[i];
            if (p.Unsync != q.Unsync || p.Zapped != q.Zapped || p.Syncs != q.Syncs)
            {
                string? what = !describe ? null : p.Unsync != q.Unsync ? $"{p.Name}.unsync: {Bool(p.Unsync)} against {Bool(q.Unsync)}"
                    : p.Zapped != q.Zapped ? $"{p.Name}.zapped: {Bool(p.Zapped)} against {Bool(q.Zapped)}"
                    : $"{p.Name}.syncs: {p.Syncs} against {q.Syncs}";
                return (DivergenceClass(pair), what);
            }
        }

        if (pair.First.Stats.Unsync != pair.Second.Stats.Unsync)
        {
            return (DivergenceClass(pair), describe ? $"stat.unsync: {pair.First.Stats.Unsync} against {pair.Second.Stats.Unsync}" : null);
        }

        int differs = -1;
        for (int i = 0; i < fa.Length && differs < 0; i++)
        {
            var p = fa[i];
            var q = fb[i];
            if (p.UnsyncChildren != q.UnsyncChildren || p.UnsyncChildBitmap != q.UnsyncChildBitmap)
            {
                differs = i;
            }
        }

        if (differs < 0)
        {
            return null;
        }

        if (MissingBit(pair) is { } missing)
        {
            return (FindingClass.MetadataNotAllowed, missing);
        }

        var a = fa[differs];
        var b = fb[differs];
        return (FindingClass.MetadataAllowed, describe ? $"{a.Name}: unsync_children={a.UnsyncChildren} bitmap={a.UnsyncChildBitmap} against unsync_children={b.UnsyncChildren} bitmap={b.UnsyncChildBitmap}" : null);
    }

    private static string Bool(bool b) => b ? "true" : "false";

    /// <summary>A semantic difference, by what the sequence held: an interrupted sync, a yielding one, or neither.</summary>
    internal static FindingClass DivergenceClass(EnginePair pair) =>
        pair.Interrupted ? FindingClass.SemanticDivergenceAfterInterrupt
        : pair.Yielded ? FindingClass.SemanticDivergenceAfterYield
        : FindingClass.SemanticDivergence;

    // A bit set under one algorithm and clear under the other, where the child behind it leads to
    // an unsync page in the engine that lacks the bit: a false negative.
    private static string? MissingBit(EnginePair pair)
    {
        for (int i = 0; i < pair.FirstPages.Length; i++)
        {
            var p = pair.FirstPages[i];
            var q = pair.SecondPages[i];
            if (p.UnsyncChildren != p.UnsyncChildBitmap.PopCount() || q.UnsyncChildren != q.UnsyncChildBitmap.PopCount())
            {
                return $"{p.Name}: unsync_children does not match its bitmap";
            }

            var bp = p.UnsyncChildBitmap;
            var bq = q.UnsyncChildBitmap;
            if (bp == bq)
            {
                continue;
            }

            // Only the bits set on one side are candidates: walk each side's set bits.
            for (int bit = NextDifferent(bp, bq, 0); bit >= 0; bit = NextDifferent(bp, bq, bit + 1))
            {
                bool inP = bp.IsSet(bit);
                var lacking = inP ? q : p;
                var child = lacking.SpteAt(bit).Child;
                if (child != null && (child.Unsync || child.UnsyncChildren > 0))
                {
                    return $"{lacking.Name}[{bit}] is clear under {(inP ? pair.Second : pair.First).Algorithm.Name} although {child.Name} below it {(child.Unsync ? "is unsync" : "has unsync children")}";
                }
            }
        }

        return null;
    }

    // The lowest index at or above `from` set in exactly one of the two bitmaps, or -1.
    private static int NextDifferent(in Bitmap512 a, in Bitmap512 b, int from)
    {
        for (int w = from >> 6; w < Bitmap512.Size / 64; w++)
        {
            ulong diff = a.Word(w) ^ b.Word(w);
            if (w == from >> 6)
            {
                diff &= ~0UL << (from & 63);
            }

            if (diff != 0)
            {
                return (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(diff);
            }
        }

        return -1;
    }
}
