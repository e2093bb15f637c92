using MmuDsl.Explore;

namespace MmuDsl.Cli.Tests;

public sealed class ExploreCommandTests
{
    // Small bounds keep these tests fast; the default bounds are the README's figures.
    private static readonly string[] Small = ["--roots", "2", "--pages", "2", "--max-level", "3", "--ops", "2"];

    // Enough for both mutants: two roots sharing a level-1 page, unsync then sync.
    private static readonly string[] Tiny = ["--roots", "2", "--pages", "1", "--max-level", "2", "--ops", "2"];

    [Fact]
    public void Explore_LegacyAgainstRecursive_IsClean_AndReportsWork()
    {
        using var dir = new TempDir();
        var run = CliRun.Of(["explore", .. Small, "-o", dir.Path]);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("verdict: within these bounds, recursive behaves exactly like legacy", run.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"invariant violation:\s+0\n", run.Stdout);
        Assert.Matches(@"semantic divergence with no interrupted sync:\s+0\n", run.Stdout);
        Assert.Matches(@"not allowed: a missing bit\):\s+0\n", run.Stdout);
        Assert.Contains("largest visits ratio recursive/legacy", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mutant_no_stale_clear")]
    [InlineData("mutant_first_parent_marking")]
    public void Explore_CatchesMutant_WithASmallReproThatRunReproduces(string mutant)
    {
        using var dir = new TempDir();
        var run = CliRun.Of(["explore", .. Tiny, "-a", "legacy", "-a", mutant, "-o", dir.Path]);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("are NOT equivalent", run.Stdout, StringComparison.Ordinal);
        var repros = Directory.GetFiles(dir.Path, "*.mmu");
        Assert.NotEmpty(repros);
        bool caught = false;
        foreach (var repro in repros)
        {
            string text = File.ReadAllText(repro);
            int statements = text.Split('\n').Count(l => l.Length > 0 && !l.StartsWith('#'));
            var replay = CliRun.Of("run", repro);
            Assert.True(replay.ExitCode == 1, $"{repro} should fail when run:\n{text}\n{replay.Stderr}");
            if (Path.GetFileName(repro) is "invariant-violation.mmu" or "semantic-divergence.mmu" or "metadata-missing-bit.mmu")
            {
                caught = true;
                Assert.True(statements <= 10, $"{repro} has {statements} statements:\n{text}");
            }
        }

        Assert.True(caught, "no invariant violation, semantic divergence or missing bit was reported");
    }

    [Fact]
    public void Explore_FormatJson_IsOneObjectWithCountsFindingsAndVerdict()
    {
        using var dir = new TempDir();
        var run = CliRun.Of(["explore", .. Tiny, "-a", "legacy", "-a", "mutant_first_parent_marking", "--format", "json", "-o", dir.Path]);
        Assert.Equal(1, run.ExitCode);
        using var doc = System.Text.Json.JsonDocument.Parse(run.Stdout);
        var root = doc.RootElement;
        Assert.Equal("mutant_first_parent_marking", root.GetProperty("second").GetString());
        Assert.False(root.GetProperty("clean").GetBoolean());
        Assert.True(root.GetProperty("states").GetInt64() > 0);
        var violation = root.GetProperty("findings").GetProperty("invariantViolation");
        Assert.True(violation.GetProperty("count").GetInt64() > 0);
        string repro = violation.GetProperty("repro").GetString()!;
        Assert.True(File.Exists(repro), repro);
        Assert.Equal(1, CliRun.Of("run", repro).ExitCode);
        Assert.Contains(" -> ", string.Join("\n", root.GetProperty("largestVisitsRatio").GetProperty("statements").EnumerateArray().Select(e => e.GetString())), StringComparison.Ordinal);
        Assert.Equal("legacy", root.GetProperty("work").GetProperty("first").GetProperty("algorithm").GetString());
    }

    [Fact]
    public void Explore_ReproFolderCannotBeWritten_ReportStillPrinted_AndSaysWhy()
    {
        using var dir = new TempDir();
        string blocker = Path.Combine(dir.Path, "a-file");
        File.WriteAllText(blocker, "not a folder");
        var run = CliRun.Of(["explore", .. Tiny, "-a", "legacy", "-a", "mutant_no_stale_clear", "-o", Path.Combine(blocker, "repros")]);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("repro NOT written: ", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("are NOT equivalent", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(["a-file"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Explore_BoundsTooLargeToEnumerate_Exit2AtOnce()
    {
        var run = CliRun.Of("explore", "--pages", "6");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("too many to enumerate", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public void Explore_Sample_SaysSoInTheCountsAndTheVerdict()
    {
        using var dir = new TempDir();
        var run = CliRun.Of(["explore", .. Small, "--sample", "30", "--seed", "3", "-o", dir.Path]);
        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"shapes: 30 of [0-9,]+ canonical, drawn at random \(--seed 3\)", run.Stdout);
        Assert.Contains("verdict: within these bounds (on the 30 shapes drawn, not all ", run.Stdout, StringComparison.Ordinal);

        var bad = CliRun.Of(["explore", "--sample", "0"]);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--sample must be at least 1", bad.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void ShapeEnumerator_IsomorphicShapesOnce_AndIncludesSharing()
    {
        var options = ExploreOptions.Default with { MaxRoots = 2, MaxPages = 1, MaxLevel = 2, Slots = [0] };
        var shapes = ShapeEnumerator.Enumerate(options);
        // R1 -> L1 ; R1, R2 -> L1 (shared) ; R1 -> L1 with R2 empty; plus one root with no pages.
        Assert.Contains(shapes, s => s.Roots == 2 && s.Links.Length == 2);
        Assert.Equal(shapes.Count, shapes.Select(s => s.ToString()).Distinct().Count());
        var withTwoRootsOneLink = shapes.Where(s => s.Roots == 2 && s.Links.Length == 1).ToList();
        Assert.Single(withTwoRootsOneLink);
    }

    [Fact]
    public void Explore_BadBounds_Exit2()
    {
        var run = CliRun.Of("explore", "--roots", "0");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--roots", run.Stderr, StringComparison.Ordinal);
    }
}
