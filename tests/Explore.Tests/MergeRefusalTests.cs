using MmuDsl.Explore.Results;
using MmuDsl.Explore.Shards;
using MmuDsl.Mmu.Algorithms;

namespace MmuDsl.Explore.Tests;

/// <summary>What <see cref="ShardMerger"/> refuses, and that it says which files and which shards.</summary>
public sealed class MergeRefusalTests
{
    private static readonly ExploreOptions Tiny = ExploreOptions.Default with
    {
        MaxRoots = 1, MaxPages = 2, MaxLevel = 3, Slots = [0, 511], MaxOperations = 2, Parallelism = 2,
    };

    private static readonly Lazy<ShardResults[]> Three = new(() =>
        [.. Enumerable.Range(0, 3).Select(i => ShardResults.Of(Explorer.Run(Tiny with { Shard = new ShardSpec(i, 3) })))]);

    [Fact]
    public void AllThree_Merge()
    {
        var outcome = ShardMerger.Merge([.. Three.Value.Select((r, i) => ($"s{i}.json", r))]);
        Assert.Empty(outcome.Problems);
        Assert.Equal(ShardTests.Fingerprint(Explorer.Run(Tiny)), ShardTests.Fingerprint(outcome.Report!));
    }

    [Fact]
    public void MissingShards_AreNamed()
    {
        var outcome = ShardMerger.Merge([("s1.json", Three.Value[1])]);
        Assert.Null(outcome.Report);
        Assert.Equal(["2 of 3 shards missing: 0, 2 (run them with --shard I/3)"], outcome.Problems);
    }

    [Fact]
    public void Duplicate_IsRefused_NamingBothFiles()
    {
        var outcome = ShardMerger.Merge([("a.json", Three.Value[0]), ("b.json", Three.Value[0]), ("c.json", Three.Value[1]), ("d.json", Three.Value[2])]);
        Assert.Equal(["shard 0/3 given more than once: a.json, b.json"], outcome.Problems);
    }

    [Fact]
    public void OtherBounds_OtherVersion_OtherAlgorithms_OtherCount_AreRefused()
    {
        var (a, b, c) = (Three.Value[0], Three.Value[1], Three.Value[2]);
        var otherBounds = b with { Bounds = b.Bounds with { MaxOperations = 3 } };
        var otherVersion = c with { ToolVersion = "0.0.1" };
        var outcome = ShardMerger.Merge([("a.json", a), ("b.json", otherBounds), ("c.json", otherVersion)]);
        Assert.Equal(
            [
                "b.json: other bounds than a.json: --ops 3 against 2",
                $"c.json: made by mmudsl 0.0.1, a.json by {ToolVersion.Current}: shards of different versions may count differently",
            ],
            outcome.Problems);

        var plugin = b with { Second = new AlgorithmIdentity("recursive", "\"my.cs\"", "ab12") };
        Assert.Contains(ShardMerger.Merge([("a.json", a), ("b.json", plugin), ("c.json", c)]).Problems, p => p.StartsWith("b.json: compares legacy against recursive (plug-in \"my.cs\", sha256 ab12...)", StringComparison.Ordinal));

        var mutant = ShardResults.Of(Explorer.Run(Tiny with { Second = WalkAlgorithms.Find("mutant_no_stale_clear")!, Shard = new ShardSpec(1, 3) }));
        Assert.Contains(ShardMerger.Merge([("a.json", a), ("m.json", mutant), ("c.json", c)]).Problems, p => p.StartsWith("m.json: compares legacy against mutant_no_stale_clear", StringComparison.Ordinal));

        var four = ShardResults.Of(Explorer.Run(Tiny with { Shard = new ShardSpec(1, 4) }));
        Assert.Contains(ShardMerger.Merge([("a.json", a), ("f.json", four)]).Problems, p => p.StartsWith("f.json: shard 1/4 of a run cut in 4", StringComparison.Ordinal));
    }

    [Fact]
    public void NotResults_AreRefused_WithTheFile()
    {
        string folder = Directory.CreateTempSubdirectory("mmudsl-merge-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "junk.json"), "{ \"format\": \"something else\" }");
            File.WriteAllText(Path.Combine(folder, "broken.json"), "{ \"format\": ");
            var files = ShardMerger.Files([folder], out var problem);
            Assert.Null(problem);
            var outcome = ShardMerger.Merge(files!);
            Assert.Equal(2, outcome.Problems.Count);
            Assert.All(outcome.Problems, p => Assert.Contains("not an explore results file", p, StringComparison.Ordinal));

            Assert.Null(ShardMerger.Files([Path.Combine(folder, "nothing")], out problem));
            Assert.EndsWith("no such file or folder", problem, StringComparison.Ordinal);
            string empty = Directory.CreateDirectory(Path.Combine(folder, "empty")).FullName;
            Assert.Null(ShardMerger.Files([empty], out problem));
            Assert.EndsWith("no results files (*.json) in this folder", problem, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
