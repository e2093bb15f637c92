using MmuDsl.Dsl.Runtime;
using MmuDsl.Dsl.Scenarios;

namespace MmuDsl.Dsl.Tests.Runtime;

/// <summary><c>mmudsl diff</c>'s comparison, as the library's value (the command line only renders it).</summary>
public sealed class RunComparisonTests
{
    private const string Scenario = """
        root R level 3
        page B level 2
        page L level 1
        link R[0] -> B
        link B[0] -> L
        unsync L
        sync R interrupt-after 1
        sync R
        """;

    [Fact]
    public void The_first_metadata_difference_is_the_stale_path_recursive_leaves()
    {
        var result = ScenarioRunner.RunText("t.mmu", Scenario + "\n", RunOptions.Default with { Algorithms = ["legacy", "recursive"] }, recordSteps: true);
        Assert.Empty(result.Errors);
        var comparison = RunComparison.Of(result);
        Assert.Equal(("legacy", "recursive"), (comparison.First, comparison.Second));
        Assert.Equal(8, comparison.Steps.Count);
        Assert.False(comparison.RunsPart);
        Assert.False(comparison.SemanticDiffers);
        var first = Assert.IsType<StatementComparison>(comparison.FirstMetadata);
        Assert.Equal(7, first.Statement.Span.Line);
        Assert.Equal("sync R interrupt-after 1", first.SourceLine);
        Assert.Equal(
            ["R: unsync_children=0 bitmap={} (legacy) against unsync_children=1 bitmap={0} (recursive)", "B: unsync_children=0 bitmap={} (legacy) against unsync_children=1 bitmap={0} (recursive)"],
            first.Metadata);
        Assert.All(comparison.Steps.Take(6), s => Assert.True(s.Same));
        Assert.NotNull(comparison.FinalFirst);
    }

    [Fact]
    public void A_result_without_recorded_steps_is_refused()
    {
        var result = ScenarioRunner.RunText("t.mmu", Scenario + "\n", RunOptions.Default);
        Assert.Throws<ArgumentException>(() => RunComparison.Of(result));
    }
}
