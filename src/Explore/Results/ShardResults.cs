using System.Text.Json;
using MmuDsl.Explore.Shards;

namespace MmuDsl.Explore.Results;

/// <summary>
/// One shard's results, as the self-describing JSON document <c>explore --results FILE</c> writes:
/// what produced it (the tool's version, the bounds, both algorithms with a plug-in's hash, the
/// shard), what it counted (shapes, runs, states, transitions, findings per class with the kept
/// instance's repro text, work), the largest visits ratio, and when and how long it ran. A
/// checkpoint is the same document, not <see cref="Complete"/>, with the shapes done so far.
/// </summary>
public sealed record ShardResults
{
    /// <summary>What every results file holds in <see cref="Format"/>.</summary>
    public const string FormatName = "mmudsl-explore-results/1";

    /// <summary>Always <see cref="FormatName"/>: how a reader knows the document.</summary>
    public required string Format { get; init; }

    /// <summary>The tool's version (<see cref="ToolVersion.Current"/>).</summary>
    public required string ToolVersion { get; init; }

    /// <summary>The bounds explored.</summary>
    public required ExploreBounds Bounds { get; init; }

    /// <summary>The first algorithm.</summary>
    public required AlgorithmIdentity First { get; init; }

    /// <summary>The second algorithm.</summary>
    public required AlgorithmIdentity Second { get; init; }

    /// <summary>The shard (0/1 for a whole run).</summary>
    public required ShardSpec Shard { get; init; }

    /// <summary>False in a checkpoint: the shard is still running, or was stopped.</summary>
    public required bool Complete { get; init; }

    /// <summary>In a checkpoint: the shapes (their places among all shapes explored) already done.</summary>
    public IReadOnlyList<int>? ShapesDone { get; init; }

    /// <summary>Canonical shapes of the bounds.</summary>
    public required int Shapes { get; init; }

    /// <summary>Shapes of the whole exploration (all, or the ones drawn).</summary>
    public required int ShapesExplored { get; init; }

    /// <summary>Shapes of this shard.</summary>
    public required int ShapesInShard { get; init; }

    /// <summary>(shape, capacity) runs of this shard.</summary>
    public required int Runs { get; init; }

    /// <summary>States explored.</summary>
    public required long States { get; init; }

    /// <summary>Transitions checked.</summary>
    public required long Transitions { get; init; }

    /// <summary>Transitions run on the engines.</summary>
    public required long TransitionsRun { get; init; }

    /// <summary>Expected no-progress warnings below the safe capacity.</summary>
    public required long ExpectedNoProgress { get; init; }

    /// <summary>Findings by class (camel-case names of <see cref="FindingClass"/>).</summary>
    public required Dictionary<string, ClassResult> Classes { get; init; }

    /// <summary>The first algorithm's work.</summary>
    public required WorkTotals FirstWork { get; init; }

    /// <summary>The second algorithm's work.</summary>
    public required WorkTotals SecondWork { get; init; }

    /// <summary>The sequence with the largest visits ratio; null when no walk visited anything.</summary>
    public LargestRatio? Largest { get; init; }

    /// <summary>What the searches stored and held; null in results written before states were packed.</summary>
    public MemoryTotals? Memory { get; init; }

    /// <summary>This shard's verdict (informative: the merge decides the whole's).</summary>
    public required bool Clean { get; init; }

    /// <summary>Wall-clock seconds, resumed runs' earlier time included.</summary>
    public required double Seconds { get; init; }

    /// <summary>Worker threads.</summary>
    public required int Threads { get; init; }

    /// <summary>Checkpoints this run wrote (a resumed run: since it resumed).</summary>
    public int Checkpoints { get; init; }

    /// <summary>Their time in all, in seconds: what checkpointing cost.</summary>
    public double CheckpointSeconds { get; init; }

    /// <summary>The machine it ran on.</summary>
    public required string Host { get; init; }

    /// <summary>When it finished (or when the checkpoint was written).</summary>
    public required DateTimeOffset Written { get; init; }

    /// <summary>How the documents are written and read.</summary>
    public static JsonSerializerOptions Json { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The JSON name of a finding class.</summary>
    public static string ClassName(FindingClass cls) => JsonNamingPolicy.CamelCase.ConvertName(cls.ToString());

    /// <summary>The document of a shard's report (a checkpoint when <paramref name="shapesDone"/> is given).</summary>
    public static ShardResults Of(ExploreReport report, IReadOnlyList<int>? shapesDone = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new ShardResults
        {
            Format = FormatName,
            ToolVersion = Explore.ToolVersion.Current,
            Bounds = report.Bounds,
            First = report.First,
            Second = report.Second,
            Shard = report.Shard ?? ShardSpec.Whole,
            Complete = shapesDone == null,
            ShapesDone = shapesDone,
            Shapes = report.Shapes,
            ShapesExplored = report.ShapesExplored,
            ShapesInShard = report.ShapesInShard,
            Runs = report.Runs,
            States = report.States,
            Transitions = report.Transitions,
            TransitionsRun = report.Computed,
            ExpectedNoProgress = report.ExpectedNoProgress,
            Classes = report.Classes.ToDictionary(
                c => ClassName(c.Key),
                c => new ClassResult { Count = c.Value.Count, Key = c.Value.Key, Seen = c.Value.Seen, Repro = c.Value.Repro, Statements = c.Value.Statements }),
            FirstWork = new WorkTotals(report.FirstWork.Walks, report.FirstWork.Visits),
            SecondWork = new WorkTotals(report.SecondWork.Walks, report.SecondWork.Visits),
            Largest = report.Largest,
            Memory = new MemoryTotals
            {
                Vectors = report.Vectors,
                VectorBytes = report.VectorBytes,
                SquaredStates = report.SquaredStates,
                ExactStates = report.ExactStates,
                LargestSearchBytes = report.LargestSearchBytes,
                LargestSearchStates = report.LargestSearchStates,
                PeakBytes = report.PeakSearchBytes,
                BudgetBytes = report.MemoryLimit,
            },
            Clean = report.Clean,
            Seconds = Math.Round(report.Elapsed.TotalSeconds, 3),
            Threads = report.Threads,
            Checkpoints = report.Checkpoints.Count,
            CheckpointSeconds = Math.Round(report.Checkpoints.Time.TotalSeconds, 3),
            Host = Environment.MachineName,
            Written = DateTimeOffset.UtcNow,
        };
    }

    /// <summary>Why this document cannot be read as results (an unknown class, a shard out of range...), or null.</summary>
    public string? Problem()
    {
        if (Format != FormatName)
        {
            return $"not an explore results file (format '{Format}', expected '{FormatName}')";
        }

        if (Shard.Problem() is { } shard)
        {
            return $"its shard is wrong: {shard}";
        }

        var names = Enum.GetValues<FindingClass>().Select(ClassName).ToHashSet();
        if (Classes.Keys.FirstOrDefault(k => !names.Contains(k)) is { } unknown)
        {
            return $"unknown finding class '{unknown}'";
        }

        return null;
    }

    /// <summary>The report these results describe (the kept instances as their key, text and repro).</summary>
    public ExploreReport ToReport()
    {
        var report = new ExploreReport(Bounds, First, Second, Threads, Shard.Count == 1 ? null : Shard)
        {
            Shapes = Shapes,
            ShapesExplored = ShapesExplored,
            ShapesInShard = ShapesInShard,
            Runs = Runs,
            States = States,
            Transitions = Transitions,
            Computed = TransitionsRun,
            ExpectedNoProgress = ExpectedNoProgress,
            FirstWork = (FirstWork.Walks, FirstWork.Visits),
            SecondWork = (SecondWork.Walks, SecondWork.Visits),
            Largest = Largest,
            Elapsed = TimeSpan.FromSeconds(Seconds),
            Vectors = Memory?.Vectors ?? 0,
            VectorBytes = Memory?.VectorBytes ?? 0,
            SquaredStates = Memory?.SquaredStates ?? 0,
            ExactStates = Memory?.ExactStates ?? false,
            LargestSearchBytes = Memory?.LargestSearchBytes ?? 0,
            LargestSearchStates = Memory?.LargestSearchStates ?? 0,
            PeakSearchBytes = Memory?.PeakBytes ?? 0,
            MemoryLimit = Memory?.BudgetBytes ?? 0,
        };
        foreach (var cls in Enum.GetValues<FindingClass>())
        {
            if (Classes.TryGetValue(ClassName(cls), out var c))
            {
                var count = report.Classes[cls];
                count.Count = c.Count;
                count.Key = c.Key;
                count.Seen = c.Seen;
                count.Repro = c.Repro;
                count.Statements = c.Statements;
            }
        }

        return report;
    }
}
