using System.Collections.Immutable;
using System.Diagnostics;
using MmuDsl.Mmu;
using MmuDsl.Mmu.Algorithms;
using MmuDsl.Mmu.Invariants;

namespace MmuDsl.Dsl.Explore;

/// <summary>
/// Bounded exhaustive differential checking: every canonical shape within the bounds, every
/// operation sequence up to the bound (breadth first, deduplicated by a hash of the combined
/// state), under two algorithms; after every operation it checks the invariants under each and
/// compares their states. Shapes run in parallel on every core.
/// </summary>
public static class Explorer
{
    /// <summary>Explores; <paramref name="progress"/> hears of each finished (shape, capacity) run.</summary>
    public static ExploreReport Run(ExploreOptions options, IProgress<(int Done, int Total, long States)>? progress = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var first = WalkAlgorithms.Find(options.First, includeMutants: true) ?? throw new ArgumentException($"unknown algorithm '{options.First}'", nameof(options));
        var second = WalkAlgorithms.Find(options.Second, includeMutants: true) ?? throw new ArgumentException($"unknown algorithm '{options.Second}'", nameof(options));
        var clock = Stopwatch.StartNew();
        var report = new ExploreReport(options);
        var shapes = ShapeEnumerator.Enumerate(options);
        report.Shapes = shapes.Count;
        var work = new List<(Shape Shape, int Capacity)>();
        foreach (var shape in shapes)
        {
            foreach (int capacity in Capacities(shape, options))
            {
                work.Add((shape, capacity));
            }
        }

        report.Runs = work.Count;
        int done = 0;
        long states = 0;
        var gate = new object();
        Parallel.ForEach(
            work,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism), CancellationToken = cancel },
            () => new Accumulator(),
            (item, _, acc) =>
            {
                ExploreOne(item.Shape, item.Capacity, options, first, second, acc);
                int d = Interlocked.Increment(ref done);
                long s = Interlocked.Add(ref states, acc.TakeNewStates());
                progress?.Report((d, work.Count, s));
                return acc;
            },
            acc =>
            {
                lock (gate)
                {
                    acc.MergeInto(report);
                }
            });

        if (options.Shrink)
        {
            foreach (var (cls, count) in report.Classes)
            {
                if (count.Smallest is { } smallest)
                {
                    count.Shrunk = Shrinker.Shrink(smallest, first, second, options.Slots);
                    count.Repro = ReproWriter.Write(count.Shrunk, first, second);
                }
            }
        }
        else
        {
            foreach (var count in report.Classes.Values)
            {
                if (count.Smallest is { } smallest)
                {
                    count.Repro = ReproWriter.Write(smallest, first, second);
                }
            }
        }

        report.Elapsed = clock.Elapsed;
        return report;
    }

    private static IEnumerable<int> Capacities(Shape shape, ExploreOptions options)
    {
        var set = new SortedSet<int> { Math.Max(2, shape.HighestRootLevel), ShadowMmu.DefaultBatchCapacity };
        foreach (var c in options.ExtraCapacities)
        {
            set.Add(c);
        }

        return set;
    }

    private static void ExploreOne(Shape shape, int capacity, ExploreOptions options, UnsyncWalkAlgorithm first, UnsyncWalkAlgorithm second, Accumulator acc)
    {
        var seen = new HashSet<(ulong, ulong)>();
        var frontier = new List<ImmutableArray<Operation>> { ImmutableArray<Operation>.Empty };
        seen.Add(StateHash.Of(EnginePair.Build(shape, capacity, first, second)));
        acc.States++;
        for (int depth = 0; depth < options.MaxOperations && frontier.Count > 0; depth++)
        {
            var next = new List<ImmutableArray<Operation>>();
            foreach (var sequence in frontier)
            {
                var pair = Replay(shape, capacity, sequence, first, second);
                foreach (var op in pair.ValidOperations(shape, options.Slots))
                {
                    var extended = sequence.Add(op);
                    var after = Replay(shape, capacity, sequence, first, second);
                    var before = (after.First.Stats.Snapshot(), after.Second.Stats.Snapshot(), after.First.Warnings.Count, after.Second.Warnings.Count);
                    after.Apply(op, shape);
                    acc.Transitions++;
                    bool diverged = Check(shape, capacity, extended, after, before.Item3, before.Item4, acc);
                    acc.AddWork(after.First.Stats.Snapshot(), after.Second.Stats.Snapshot(), before.Item1, before.Item2);
                    acc.ConsiderRatio(shape, capacity, extended, after.First.Stats.Visits, after.Second.Stats.Visits);
                    if (diverged)
                    {
                        continue;
                    }

                    if (seen.Add(StateHash.Of(after)))
                    {
                        acc.States++;
                        next.Add(extended);
                    }
                }
            }

            frontier = next;
        }
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

    /// <summary>Checks one transition; returns true when the two states diverged semantically (not explored further).</summary>
    private static bool Check(Shape shape, int capacity, ImmutableArray<Operation> sequence, EnginePair pair, int warningsA, int warningsB, Accumulator acc)
    {
        foreach (var (mmu, warningsBefore) in new[] { (pair.First, warningsA), (pair.Second, warningsB) })
        {
            var broken = InvariantChecker.Check(mmu);
            if (broken.Count > 0 || mmu.Warnings.Count > warningsBefore)
            {
                string what = broken.Count > 0 ? broken[0].ToString() : $"WARN {mmu.Warnings[warningsBefore]}";
                acc.Add(new Finding(FindingClass.InvariantViolation, shape, capacity, sequence, $"under {mmu.Algorithm.Name}: {what}"));
            }
        }

        var classified = Classify(pair);
        if (classified is { } c)
        {
            acc.Add(new Finding(c.Class, shape, capacity, sequence, c.Description));
            return c.Class is FindingClass.SemanticDivergence or FindingClass.SemanticDivergenceAfterInterrupt;
        }

        return false;
    }

    /// <summary>Compares the pair's states: a semantic divergence, a metadata-only difference, or nothing.</summary>
    internal static (FindingClass Class, string Description)? Classify(EnginePair pair)
    {
        if (pair.StructuralDivergence is { } structural)
        {
            return (pair.Interrupted ? FindingClass.SemanticDivergenceAfterInterrupt : FindingClass.SemanticDivergence, structural);
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
                string what = p.Unsync != q.Unsync ? $"{p.Name}.unsync: {Bool(p.Unsync)} against {Bool(q.Unsync)}"
                    : p.Zapped != q.Zapped ? $"{p.Name}.zapped: {Bool(p.Zapped)} against {Bool(q.Zapped)}"
                    : $"{p.Name}.syncs: {p.Syncs} against {q.Syncs}";
                return (pair.Interrupted ? FindingClass.SemanticDivergenceAfterInterrupt : FindingClass.SemanticDivergence, what);
            }
        }

        if (pair.First.Stats.Unsync != pair.Second.Stats.Unsync)
        {
            return (pair.Interrupted ? FindingClass.SemanticDivergenceAfterInterrupt : FindingClass.SemanticDivergence, $"stat.unsync: {pair.First.Stats.Unsync} against {pair.Second.Stats.Unsync}");
        }

        string? metadata = null;
        for (int i = 0; i < fa.Length && metadata == null; i++)
        {
            var p = fa[i];
            var q = fb[i];
            if (p.UnsyncChildren != q.UnsyncChildren || p.UnsyncChildBitmap != q.UnsyncChildBitmap)
            {
                metadata = $"{p.Name}: unsync_children={p.UnsyncChildren} bitmap={p.UnsyncChildBitmap} against unsync_children={q.UnsyncChildren} bitmap={q.UnsyncChildBitmap}";
            }
        }

        if (metadata == null)
        {
            return null;
        }

        return MissingBit(pair) is { } missing ? (FindingClass.MetadataNotAllowed, missing) : (FindingClass.MetadataAllowed, metadata);
    }

    private static string Bool(bool b) => b ? "true" : "false";

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

            for (int bit = 0; bit < Bitmap512.Size; bit++)
            {
                bool inP = bp.IsSet(bit);
                bool inQ = bq.IsSet(bit);
                if (inP == inQ)
                {
                    continue;
                }

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

    private sealed class Accumulator
    {
        private long _reportedStates;

        public long States { get; set; }

        public long Transitions { get; set; }

        public Dictionary<FindingClass, ClassCount> Classes { get; } = Enum.GetValues<FindingClass>().ToDictionary(c => c, _ => new ClassCount());

        public long WalksA { get; set; }

        public long VisitsA { get; set; }

        public long WalksB { get; set; }

        public long VisitsB { get; set; }

        public (Shape, int, ImmutableArray<Operation>, long, long)? Ratio { get; set; }

        public void Add(Finding f) => Classes[f.Class].Add(f);

        public long TakeNewStates()
        {
            long n = States - _reportedStates;
            _reportedStates = States;
            return n;
        }

        public void AddWork(MmuStatsSnapshot a, MmuStatsSnapshot b, MmuStatsSnapshot a0, MmuStatsSnapshot b0)
        {
            WalksA += a.Walks - a0.Walks;
            VisitsA += a.Visits - a0.Visits;
            WalksB += b.Walks - b0.Walks;
            VisitsB += b.Visits - b0.Visits;
        }

        public void ConsiderRatio(Shape shape, int capacity, ImmutableArray<Operation> ops, long visitsA, long visitsB)
        {
            if (visitsA == 0)
            {
                return;
            }

            if (Ratio is not { } r || visitsB * r.Item4 > r.Item5 * visitsA || (visitsB * r.Item4 == r.Item5 * visitsA && ops.Length < r.Item3.Length))
            {
                Ratio = (shape, capacity, ops, visitsA, visitsB);
            }
        }

        public void MergeInto(ExploreReport report)
        {
            report.States += States;
            report.Transitions += Transitions;
            foreach (var (c, count) in Classes)
            {
                report.Classes[c].Merge(count);
            }

            report.FirstWork = (report.FirstWork.Walks + WalksA, report.FirstWork.Visits + VisitsA);
            report.SecondWork = (report.SecondWork.Walks + WalksB, report.SecondWork.Visits + VisitsB);
            if (Ratio is { } r && (report.LargestWorkRatio is not { } best || r.Item5 * best.FirstVisits > best.SecondVisits * r.Item4))
            {
                report.LargestWorkRatio = r;
            }
        }
    }
}
