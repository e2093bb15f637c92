namespace MmuDsl.Cli.Tests.Hardening;

/// <summary>
/// Issue 14, item 9: <c>--jobs</c> below 1 is refused; a run that is not on a terminal says what it
/// is about to do (the shapes, the shape runs, an estimate of the work) before it starts, and prints
/// progress lines to standard error as it goes, never a silent wait.
/// </summary>
public sealed class ExploreOptionTests
{
    private static readonly string[] Small = ["--roots", "1", "--pages", "2", "--max-level", "3", "--ops", "2"];

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    public void Explore_JobsBelowOne_IsRefused(string jobs)
    {
        var run = CliRun.Of(["explore", .. Small, "--jobs", jobs]);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Equal($"mmudsl: error: --jobs must be at least 1 (the worker threads), not {jobs}\n", run.Stderr);
    }

    [Fact]
    public void Explore_NotOnATerminal_AnnouncesShapesAndEstimateBeforeStarting_ThenProgress()
    {
        using var dir = new TempDir();
        var env = CliEnvironment.Plain with { ProgressInterval = TimeSpan.FromMilliseconds(1) };
        var run = CliRun.With(env, ["explore", .. Small, "-o", dir.Path, "--jobs", "1"]);
        Assert.Equal(0, run.ExitCode);
        var lines = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        int enumerating = Array.FindIndex(lines, l => l.StartsWith("explore: enumerating the canonical shapes within the bounds (", StringComparison.Ordinal));
        int shapes = Array.FindIndex(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^explore: [0-9,]+ canonical shapes, [0-9,]+ shape runs \(each shape under each batch capacity\), every sequence of up to 2 operations on each; estimating the work from [0-9]+ of them$"));
        int estimate = Array.FindIndex(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^explore: estimate: about [0-9,]+ states, [0-9]+ s on 1 thread \(from a pilot of [0-9]+ shapes\); progress every 1 s$"));
        Assert.True(enumerating >= 0 && shapes > enumerating && estimate > shapes, run.Stderr);
        Assert.DoesNotContain('\r', run.Stderr);
        Assert.Contains("verdict:", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\nexplore: ", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Explore_LongRun_PrintsProgressLinesWithCounts()
    {
        using var dir = new TempDir();
        var env = CliEnvironment.Plain with { ProgressInterval = TimeSpan.FromMilliseconds(20) };
        var run = CliRun.With(env, ["explore", "--roots", "2", "--pages", "2", "--max-level", "3", "--ops", "3", "-o", dir.Path, "--jobs", "1"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"\nexplore: [0-9,]+/[0-9,]+ shapes, [0-9,]+ states, [0-9,]+ states/s, [0-9]+ s\n", run.Stderr);
    }
}
