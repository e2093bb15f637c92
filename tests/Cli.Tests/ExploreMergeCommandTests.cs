using System.Text.Json.Nodes;

namespace MmuDsl.Cli.Tests;

/// <summary>
/// <c>explore --shard I/N --results FILE</c> and <c>explore merge</c> on the command line: the
/// merged report (text and JSON) is the single run's but for the time it took; refusals exit 2.
/// </summary>
public sealed class ExploreMergeCommandTests
{
    private static readonly string[] Tiny = ["--roots", "2", "--pages", "1", "--max-level", "2", "--ops", "2", "-a", "legacy", "-a", "mutant_first_parent_marking"];

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    public void Merge_PrintsTheSingleRunsReport(string format)
    {
        using var dir = new TempDir();
        string repros = Path.Combine(dir.Path, "repros");
        var single = CliRun.Of(["explore", .. Tiny, "-f", format, "-o", repros]);
        Assert.Equal(1, single.ExitCode);
        for (int i = 0; i < 3; i++)
        {
            var shard = CliRun.Of(["explore", .. Tiny, "--shard", $"{i}/3", "--results", Path.Combine(dir.Path, "results", $"shard-{i}.json"), "-o", Path.Combine(dir.Path, $"r{i}")]);
            Assert.Contains($"shard {i}/3: ", shard.Stdout, StringComparison.Ordinal);
        }

        var merged = CliRun.Of("explore", "merge", Path.Combine(dir.Path, "results"), "-f", format, "-o", repros);
        Assert.Equal(1, merged.ExitCode);
        Assert.Equal(WithoutTime(single.Stdout, format), WithoutTime(merged.Stdout, format));
        Assert.NotEmpty(Directory.GetFiles(repros, "*.mmu"));
    }

    [Fact]
    public void Merge_MissingShard_Exit2_NamesIt()
    {
        using var dir = new TempDir();
        CliRun.Of(["explore", .. Tiny, "--shard", "1/3", "--results", Path.Combine(dir.Path, "s1.json"), "-o", dir.Path]);
        var merged = CliRun.Of("explore", "merge", Path.Combine(dir.Path, "s1.json"));
        Assert.Equal(2, merged.ExitCode);
        Assert.Contains("cannot merge these 1 results files", merged.Stderr, StringComparison.Ordinal);
        Assert.Contains("2 of 3 shards missing: 0, 2", merged.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, merged.Stdout);
    }

    [Fact]
    public void Merge_OtherBounds_Exit2()
    {
        using var dir = new TempDir();
        CliRun.Of(["explore", .. Tiny, "--shard", "0/2", "--results", Path.Combine(dir.Path, "a.json"), "-o", dir.Path]);
        CliRun.Of(["explore", "--roots", "2", "--pages", "1", "--max-level", "2", "--ops", "1", "-a", "legacy", "-a", "mutant_first_parent_marking", "--shard", "1/2", "--results", Path.Combine(dir.Path, "b.json"), "-o", dir.Path]);
        var merged = CliRun.Of("explore", "merge", dir.Path);
        Assert.Equal(2, merged.ExitCode);
        Assert.Contains("b.json: other bounds than", merged.Stderr, StringComparison.Ordinal);
        Assert.Contains("--ops 1 against 2", merged.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("3/3", "0 <= I < N")]
    [InlineData("1/0", "1 <= N <= 100,000")]
    [InlineData("a/b", "--shard takes I/N")]
    [InlineData("-1/2", "--shard takes I/N")]
    public void BadShard_Exit2(string shard, string message)
    {
        var run = CliRun.Of(["explore", .. Tiny, "--shard", shard]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_NothingThere_Exit2()
    {
        var run = CliRun.Of("explore", "merge", "/nonexistent/results");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("/nonexistent/results: no such file or folder", run.Stderr, StringComparison.Ordinal);
    }

    // The time line (text), or the time, thread and peak-memory fields (JSON): what depends on the
    // machine, the one thing a merge reports differently from a single run.
    private static string WithoutTime(string output, string format)
    {
        if (format == "text")
        {
            return string.Join("\n", output.Split('\n').Where(l => !l.StartsWith("  time: ", StringComparison.Ordinal)));
        }

        var json = JsonNode.Parse(output)!.AsObject();
        foreach (var field in new[] { "seconds", "threads", "statesPerSecond", "mergedShards", "longestShardSeconds" })
        {
            json.Remove(field);
        }

        var memory = json["memory"]!.AsObject();
        memory.Remove("peakBytes");
        memory.Remove("budgetBytes");

        return json.ToJsonString();
    }
}
