using MmuDsl.Explore;
using MmuDsl.Dsl.Runtime;
using MmuDsl.Dsl.Scenarios;
using MmuDsl.Mmu.Algorithms;

namespace MmuDsl.Plugins.Tests;

/// <summary>The planted bugs of examples/algorithms, as docs/algorithms.md shows them: caught.</summary>
public sealed class PlantedBugTests
{
    [Fact]
    public void EagerClearFirst_LosesTheLeafThatDidNotFit_AsTheWorkedExampleSays()
    {
        var result = ScenarioRunner.RunFile(Path.Combine(PluginFiles.Examples, "eager-clear-first.mmu"), RunOptions.Default);

        Assert.Equal(["eager", "eager_clear_first"], result.Algorithms);
        Assert.Equal(1, result.ExitCode);
        Assert.All(result.Failures, f => Assert.Equal("eager_clear_first", f.Algorithm));
        string rendered = string.Concat(result.Failures.Select(f => f.Render()));
        Assert.Contains("stat.unsync = 1", rendered, StringComparison.Ordinal);
        Assert.Contains("'P' has unsync_children=1 but bit 0 of its parent 'R' is clear", rendered, StringComparison.Ordinal);
        Assert.Contains("sync of 'R' returned 0 but 'L2' below it is still unsync", rendered, StringComparison.Ordinal);
    }

    [Fact]
    public void EagerKeepsStaleBits_IsFoundByTheExplorer_WithARunnableRepro()
    {
        var plugin = PluginLoader.Default.Load(Path.Combine(PluginFiles.Examples, "eager-keeps-stale-bits.cs")).Plugin!;
        var options = ExploreOptions.Default with
        {
            MaxRoots = 1, MaxPages = 2, MaxLevel = 3, MaxOperations = 3, First = WalkAlgorithms.Eager, Second = plugin.Algorithm,
            ScriptReferences = ("eager", MmuDsl.Dsl.Syntax.SyntaxPrinter.Quote(plugin.Path)),
        };

        var report = Explorer.Run(options);

        Assert.False(report.Clean);
        var violation = report.Classes[FindingClass.InvariantViolation];
        Assert.True(violation.Count > 0);
        Assert.Contains("invariant 4", violation.Shrunk!.Description, StringComparison.Ordinal);
        using var files = new PluginFiles();
        var repro = ScenarioRunner.RunFile(files.Write("repro.mmu", violation.Repro!), RunOptions.Default);
        Assert.Equal(1, repro.ExitCode);
        Assert.All(repro.Failures, f => Assert.Equal("eager_keeps_stale_bits", f.Algorithm));
    }
}
