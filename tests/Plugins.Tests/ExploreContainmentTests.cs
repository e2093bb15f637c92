using MmuDsl.Explore;
using MmuDsl.Dsl.Runtime;
using MmuDsl.Dsl.Scenarios;
using MmuDsl.Mmu.Algorithms;

namespace MmuDsl.Plugins.Tests;

/// <summary>In explore, a plug-in that fails is a finding class of its own, with a shrunk repro that fails the same way.</summary>
public sealed class ExploreContainmentTests
{
    private static readonly ExploreOptions Small = ExploreOptions.Default with
    {
        MaxRoots = 1, MaxPages = 2, MaxLevel = 3, Slots = [0, 1], MaxOperations = 3, Parallelism = 2,
    };

    [Theory]
    [InlineData("throw new InvalidOperationException(\"two leaves\");", "InvalidOperationException: two leaves")]
    [InlineData("while (pvec.Nr > 0) { }", "stopped: it ran more than")]
    public void Explore_APluginThatFails_IsTheAlgorithmFailedClass_WithAShrunkReproThatFailsAlike(string planted, string message)
    {
        using var files = new PluginFiles();
        string path = files.Write("walk.cs", $$"""
            public sealed class TwoLeaves : RecursiveWalk
            {
                public override string Name => "two_leaves";

                public override void MmuSyncChildrenBatch(Kvm kvm, KvmMmuPages pvec)
                {
                    if (pvec.Nr >= 3 && pvec[pvec.Nr - 1].Sp.Level == 1 && pvec[pvec.Nr - 2].Sp.Level == 1)
                    {
                        {{planted}}
                    }

                    base.MmuSyncChildrenBatch(kvm, pvec);
                }
            }
            """);
        var plugin = files.Loader.Load(path).Plugin!;

        var report = Explorer.Run(Small with { Second = plugin.Algorithm, ScriptReferences = ("legacy", SyntaxPrinterQuote(path)) });

        var failed = report.Classes[FindingClass.AlgorithmFailed];
        Assert.True(failed.Count > 0);
        Assert.False(report.Clean);
        Assert.Contains(message, failed.Shrunk!.Description, StringComparison.Ordinal);

        // The shrunk repro: two leaves below one page, both unsync, one sync.
        Assert.Equal(1, failed.Shrunk.Operations.Count(o => o.Kind is OperationKind.Sync or OperationKind.SyncInterrupted));
        string repro = files.Write("repro.mmu", failed.Repro!);
        var run = ScenarioRunner.RunFile(repro, RunOptions.Default with { PluginLoader = files.Loader });
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(run.Errors.Select(e => e.Render()), e => e.Contains("algorithm 'two_leaves' failed at", StringComparison.Ordinal) && e.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Explore_APluginWhoseBatchStepMakesNoProgress_IsTheAlgorithmFailedClass_NotAHang()
    {
        using var files = new PluginFiles();
        string path = files.Write("walk.cs", """
            public sealed class Stuck : RecursiveWalk
            {
                public override string Name => "stuck";

                public override void MmuSyncChildrenBatch(Kvm kvm, KvmMmuPages pvec)
                {
                }
            }
            """);
        var plugin = files.Loader.Load(path).Plugin!;

        var report = Explorer.Run(Small with { Second = plugin.Algorithm, ScriptReferences = ("legacy", SyntaxPrinterQuote(path)) });

        var failed = report.Classes[FindingClass.AlgorithmFailed];
        Assert.True(failed.Count > 0);
        Assert.False(report.Clean);
        Assert.Contains("stopped: mmu_sync_children of", failed.Shrunk!.Description, StringComparison.Ordinal);
        string repro = files.Write("repro.mmu", failed.Repro!);
        var run = ScenarioRunner.RunFile(repro, RunOptions.Default with { PluginLoader = files.Loader });
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(run.Errors.Select(e => e.Render()), e => e.Contains("algorithm 'stuck' failed: stopped: mmu_sync_children", StringComparison.Ordinal));
    }

    private static string SyntaxPrinterQuote(string path) => MmuDsl.Dsl.Syntax.SyntaxPrinter.Quote(path);
}
