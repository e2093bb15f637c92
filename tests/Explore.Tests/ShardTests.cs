using System.Globalization;
using System.Text;
using MmuDsl.Explore.Results;
using MmuDsl.Explore.Shards;
using MmuDsl.Mmu.Algorithms;

namespace MmuDsl.Explore.Tests;

/// <summary>
/// Sharded runs against single ones: the N shards' results, merged, are the single run's report
/// (counts, work, each class's kept instance and repro, the largest ratio, the verdict), for
/// several N and for a clean pair and a mutant pair.
/// </summary>
public sealed class ShardTests : IDisposable
{
    private static readonly ExploreOptions Small = ExploreOptions.Default with
    {
        MaxRoots = 2, MaxPages = 2, MaxLevel = 3, Slots = [0, 511], MaxOperations = 2, Parallelism = 2, ExtraCapacities = [2],
    };

    private readonly string _folder = Directory.CreateTempSubdirectory("mmudsl-shards-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("legacy", "recursive", 1)]
    [InlineData("legacy", "recursive", 2)]
    [InlineData("legacy", "recursive", 3)]
    [InlineData("legacy", "recursive", 7)]
    [InlineData("legacy", "mutant_no_stale_clear", 1)]
    [InlineData("legacy", "mutant_no_stale_clear", 2)]
    [InlineData("legacy", "mutant_no_stale_clear", 3)]
    [InlineData("legacy", "mutant_no_stale_clear", 7)]
    public void ShardsMerged_AreTheSingleRun(string first, string second, int n)
    {
        var options = Small with { First = WalkAlgorithms.Find(first)!, Second = WalkAlgorithms.Find(second)! };
        var single = Explorer.Run(options);
        var files = new List<string>();
        for (int i = 0; i < n; i++)
        {
            string file = Path.Combine(_folder, $"shard-{i}.json");
            var shard = Explorer.Run(options with { Shard = new ShardSpec(i, n), ResultsFile = file });
            Assert.Equal(new ShardSpec(i, n) is { Count: > 1 } s ? s : null, shard.Shard);
            files.Add(file);
        }

        var merged = ShardMerger.Merge(files);
        Assert.Empty(merged.Problems);
        Assert.Equal(Fingerprint(single), Fingerprint(merged.Report!));
        if (second != "recursive")
        {
            Assert.False(single.Clean);
            Assert.Contains(single.Classes.Values, c => c.Repro != null);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ShardsMerged_CarryTheMemoryFigures_OfASingleRun(bool exact)
    {
        var options = Small with { ExactStates = exact };
        var single = Explorer.Run(options);
        var files = Enumerable.Range(0, 3).Select(i => Path.Combine(_folder, $"memory-{i}.json")).ToList();
        for (int i = 0; i < 3; i++)
        {
            Explorer.Run(options with { Shard = new ShardSpec(i, 3), ResultsFile = files[i] });
        }

        var merged = ShardMerger.Merge(files).Report!;
        Assert.True(single.Vectors > 0);
        Assert.Equal(single.Vectors, merged.Vectors);
        Assert.Equal(single.VectorBytes, merged.VectorBytes);
        Assert.Equal(exact, merged.ExactStates);
        Assert.Equal(single.CollisionChance, merged.CollisionChance, 1e-40);
        Assert.Equal(exact, merged.CollisionChance == 0);
        Assert.Equal((single.LargestSearchBytes, single.LargestSearchStates), (merged.LargestSearchBytes, merged.LargestSearchStates));

        // Per machine: the largest shard's, never more than the single run's budget held.
        Assert.True(merged.PeakSearchBytes >= merged.LargestSearchBytes);
        Assert.True(merged.MemoryLimit > 0);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(1000)]
    public void Plan_ShardsAreDisjoint_AndCoverEveryShapeOnce(int n)
    {
        var shapes = ShapeEnumerator.Enumerate(Small);
        var seen = new int[shapes.Count];
        for (int i = 0; i < n; i++)
        {
            foreach (int s in ShardPlan.Select(shapes, Small, new ShardSpec(i, n)))
            {
                seen[s]++;
            }
        }

        Assert.All(seen, count => Assert.Equal(1, count));
    }

    [Fact]
    public void Plan_BalancesEstimatedWork_NotShapes()
    {
        // One heavy item and many light ones: the heavy one gets a shard to itself.
        double[] estimates = [1000, .. Enumerable.Repeat(10.0, 100)];
        var zero = ShardPlan.Assign(estimates, new ShardSpec(0, 2));
        var one = ShardPlan.Assign(estimates, new ShardSpec(1, 2));
        Assert.Equal([0], zero);
        Assert.Equal(100, one.Count);

        // On real shapes, the estimated loads of 3 shards are within 1% of each other.
        var shapes = ShapeEnumerator.Enumerate(Small);
        var loads = Enumerable.Range(0, 3).Select(i => ShardPlan.Select(shapes, Small, new ShardSpec(i, 3)).Sum(s => ShardPlan.EstimatedWork(shapes[s], Small))).ToList();
        Assert.True(loads.Max() / loads.Min() < 1.01, string.Join(", ", loads));
    }

    [Fact]
    public void KilledShard_LeavesNoResults_AndTheRerunResumesFromItsCheckpoint()
    {
        var options = Small with { Second = WalkAlgorithms.Find("mutant_first_parent_marking")!, Parallelism = 1, Shard = new ShardSpec(1, 2) };
        var whole = Explorer.Run(options);
        string file = Path.Combine(_folder, "shard-1.json");
        using var cancel = new CancellationTokenSource();
        var stopAfter = new StopAfter(whole.ShapesInShard / 2, cancel);
        var stopped = options with { ResultsFile = file, CheckpointInterval = TimeSpan.Zero };
        Assert.ThrowsAny<OperationCanceledException>(() => Explorer.Run(stopped, stopAfter, cancel.Token));

        Assert.False(File.Exists(file));
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp", SearchOption.AllDirectories));
        var checkpoint = ResultsFile.Read(file + ".checkpoint", out var problem);
        Assert.Null(problem);
        Assert.False(checkpoint!.Complete);
        Assert.Equal(whole.ShapesInShard / 2, checkpoint.ShapesDone!.Count);

        // Merge does not take a checkpoint for results.
        var refused = ShardMerger.Merge([(file + ".checkpoint", checkpoint)]);
        Assert.Contains(refused.Problems, p => p.Contains("a checkpoint of shard 1/2", StringComparison.Ordinal));

        var resumed = Explorer.Run(stopped);
        Assert.Equal(whole.ShapesInShard / 2, resumed.ShapesResumed);
        Assert.Equal(Fingerprint(whole), Fingerprint(resumed));
        Assert.True(File.Exists(file));
        Assert.False(File.Exists(file + ".checkpoint"));
        Assert.Equal(Fingerprint(whole), Fingerprint(ResultsFile.Read(file, out _)!.ToReport()));
    }

    [Fact]
    public void Checkpoint_OfOtherBounds_IsNotTakenUp()
    {
        string file = Path.Combine(_folder, "r.json");
        using var cancel = new CancellationTokenSource();
        var options = Small with { Parallelism = 1, ResultsFile = file, CheckpointInterval = TimeSpan.Zero };
        Assert.ThrowsAny<OperationCanceledException>(() => Explorer.Run(options, new StopAfter(3, cancel), cancel.Token));
        var other = Explorer.Run(options with { MaxOperations = 1 });
        Assert.Equal(0, other.ShapesResumed);
        Assert.Contains("its bounds differ: --ops 2 against 1", other.CheckpointNote, StringComparison.Ordinal);
        Assert.Equal(Fingerprint(Explorer.Run(Small with { MaxOperations = 1 })), Fingerprint(other));
    }

    [Fact]
    public void ResultsFile_IsSelfDescribing()
    {
        string file = Path.Combine(_folder, "one.json");
        Explorer.Run(Small with { Second = WalkAlgorithms.Find("mutant_no_stale_clear")!, Shard = new ShardSpec(0, 3), ResultsFile = file });
        var text = File.ReadAllText(file);
        foreach (var field in new[] { "\"format\": \"mmudsl-explore-results/1\"", "\"toolVersion\"", "\"bounds\"", "\"maxPages\": 2", "\"first\"", "\"sha256\"", "\"shard\"", "\"index\": 0", "\"count\": 3", "\"classes\"", "\"repro\"", "\"firstWork\"", "\"largest\"", "\"seconds\"", "\"written\"" })
        {
            Assert.Contains(field, text, StringComparison.Ordinal);
        }

        Assert.Equal([Path.GetFileName(file)], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    internal static string Fingerprint(ExploreReport r)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.Append(inv, $"{r.Bounds.ToCommandLine()} {r.First.Name} {r.Second.Name}\n");
        sb.Append(inv, $"shapes {r.Shapes} {r.ShapesExplored} runs {r.Runs} states {r.States} transitions {r.Transitions} run {r.Computed} np {r.ExpectedNoProgress}\n");
        sb.Append(inv, $"work {r.FirstWork} {r.SecondWork} clean {r.Clean}\n");

        // The memory figures but the peak and the budget, which depend on the machine and its threads.
        sb.Append(inv, $"vectors {r.Vectors} {r.VectorBytes} exact {r.ExactStates} collision {r.CollisionChance:G6} largest search {r.LargestSearchBytes} {r.LargestSearchStates}\n");
        foreach (var (c, count) in r.Classes)
        {
            sb.Append(inv, $"{c}: {count.Count} {count.Key} {count.Seen} {count.Statements}\n{count.Repro}\n");
        }

        if (r.Largest is { } l)
        {
            sb.Append(inv, $"largest {l.FirstVisits} {l.SecondVisits} @{l.Capacity}: {string.Join("; ", l.Statements)}\n");
        }

        return sb.ToString();
    }

    private sealed class StopAfter(int shapes, CancellationTokenSource cancel) : IProgress<(int Done, int Total, long States)>
    {
        public void Report((int Done, int Total, long States) value)
        {
            if (value.Done >= shapes)
            {
                cancel.Cancel();
            }
        }
    }
}
