using MmuDsl.Dsl.Runtime;
using MmuDsl.Dsl.Scenarios;

namespace MmuDsl.Plugins.Tests;

/// <summary>
/// A plug-in that throws, loops or recurses never takes the tool down: the run stops with an
/// error at the statement being executed, naming the plug-in's file and line (exit 2).
/// </summary>
public sealed class ContainmentTests
{
    private const string Scenario = """
        root R level 3
        page P level 2
        page L level 1
        link R[0] -> P
        link P[5] -> L
        unsync L
        sync R
        echo "not reached"
        """;

    [Theory]
    [InlineData("throw new InvalidOperationException(\"planted\");", "InvalidOperationException: planted")]
    [InlineData("while (i >= 0) { i = i | 1; }", "stopped: it ran more than")]
    [InlineData("if (sp.Level > 0) return Walk(kvm, sp, pvec);", "stopped: the plug-in's calls nest more than 1000 deep")]
    [InlineData("while (true) { foreach (int j in kvm.ForEachSetBit(sp)) { } }", "stopped: one walk visited more than")]
    [InlineData("var none = KvmMmuPage.Null; _ = none.Unsync;", "NullReferenceException")]
    [InlineData("kvm.MmuPagesAdd(pvec, sp, 7); kvm.MmuPagesAdd(pvec, sp, 7); kvm.MmuPagesAdd(pvec, sp, 7); kvm.MmuPagesAdd(pvec, sp, 7);", "to a full batch")]
    public void Run_APluginThatFails_IsAnErrorAtTheStatement_NamingItsLine(string planted, string message)
    {
        using var files = new PluginFiles();
        string plugin = files.Write("walk.cs", Plugin(planted));
        string script = files.Write("case.mmu", "set pvec 3\n" + Scenario);

        var result = ScenarioRunner.RunFile(script, RunOptions.Default with { Algorithms = [plugin], PluginLoader = files.Loader });

        Assert.Equal(2, result.ExitCode);
        string error = Assert.Single(result.Errors).Render();
        Assert.StartsWith($"{script}:8:1: error: algorithm 'planted' failed at {plugin}:12: ", error, StringComparison.Ordinal);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Runs[0].Output, o => o.Text.Contains("not reached", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_APluginWhoseBatchStepMakesNoProgress_IsStoppedByTheLoopBudget()
    {
        // Each call returns, but the sync loop would not: the batch step syncs nothing, so every
        // walk batches the same leaf again. The loop stops after 1,026 batches per page (plus one
        // page): 4 x 1,026 = 4,104 with R, P and L.
        using var files = new PluginFiles();
        string plugin = files.Write("walk.cs", """
            public sealed class Stuck : LegacyWalk
            {
                public override string Name => "stuck";

                public override void MmuSyncChildrenBatch(Kvm kvm, KvmMmuPages pvec)
                {
                }
            }
            """);
        string script = files.Write("case.mmu", Scenario);

        var result = ScenarioRunner.RunFile(script, RunOptions.Default with { Algorithms = [plugin], PluginLoader = files.Loader });

        Assert.Equal(2, result.ExitCode);
        string error = Assert.Single(result.Errors).Render();
        Assert.StartsWith($"{script}:7:1: error: algorithm 'stuck' failed: stopped: mmu_sync_children of 'R' ran more than 4,104 batches", error, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Runs[0].Output, o => o.Text.Contains("not reached", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_TheSamePluginWithoutItsBug_Passes()
    {
        using var files = new PluginFiles();
        string plugin = files.Write("walk.cs", Plugin("// nothing planted"));
        string script = files.Write("case.mmu", Scenario + "\nexpect !L.unsync && R.unsync_children == 0\nexpect invariants\n");

        var result = ScenarioRunner.RunFile(script, RunOptions.Default with { Algorithms = [plugin], PluginLoader = files.Loader });

        Assert.Empty(result.Errors);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["planted"], result.Algorithms);
    }

    [Fact]
    public void Run_APluginNamedInTheScript_IsFoundRelativeToIt_AndItsQualifierWorks()
    {
        using var files = new PluginFiles();
        files.Write("walks/walk.cs", Plugin("// nothing planted"));
        string script = files.Write("case.mmu", "algorithms legacy \"walks/walk.cs\"\n" + Scenario + "\n@planted echo \"only under the plug-in\"\n");

        var result = ScenarioRunner.RunFile(script, RunOptions.Default with { PluginLoader = files.Loader });

        Assert.Empty(result.Errors);
        Assert.Equal(["legacy", "planted"], result.Algorithms);
        Assert.Contains(result.Runs[1].Output, o => o.Text == "only under the plug-in\n");
        Assert.DoesNotContain(result.Runs[0].Output, o => o.Text == "only under the plug-in\n");
    }

    [Fact]
    public void Run_APluginThatDoesNotCompile_GivesItsDiagnostics_AndTheStatementThatNamedIt()
    {
        using var files = new PluginFiles();
        files.Write("walk.cs", Plugin("int x = ;"));
        string script = files.Write("case.mmu", "algorithms legacy \"walk.cs\"\nroot R level 2\n");

        var result = ScenarioRunner.RunFile(script, RunOptions.Default with { PluginLoader = files.Loader });

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"{script}:1:19: error: the plug-in 'walk.cs' does not compile", result.Errors[0].Render(), StringComparison.Ordinal);
        Assert.Contains(result.Errors.Select(e => e.Render()), e => e.StartsWith("walk.cs:12:21: error: CS1525:", StringComparison.Ordinal) && e.Contains("int x = ;", StringComparison.Ordinal) && e.EndsWith("^\n", StringComparison.Ordinal));
    }

    [LinuxFact]
    public void Run_APluginPathThatIsAFifo_IsRefusedWithoutOpeningIt()
    {
        using var files = new PluginFiles();
        SpecialFiles.Fifo(Path.Combine(files.Folder, "walk.cs"));
        string script = files.Write("case.mmu", "algorithms \"walk.cs\"\nroot R level 2\n");

        var result = SpecialFiles.WithinSeconds(30, () => ScenarioRunner.RunFile(script, RunOptions.Default with { PluginLoader = MmuDsl.Dsl.Sources.PluginFiles.WithCacheFolder(files.Cache) }));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not a regular file", result.Errors[0].Render(), StringComparison.Ordinal);
    }

    // A walk written like legacy's, with a statement planted on line 12 (the file's 12th line).
    private static string Plugin(string planted) => $$"""
        public sealed class Planted : LegacyWalk
        {
            public override string Name => "planted";

            protected override int MmuUnsyncWalkChildren(Kvm kvm, KvmMmuPage sp, KvmMmuPages pvec) => Walk(kvm, sp, pvec);

            private int Walk(Kvm kvm, KvmMmuPage sp, KvmMmuPages pvec)
            {
                int i = 0;
                if (sp.Level == 2)
                {
                    {{planted}}
                }

                return base.MmuUnsyncWalkChildren(kvm, sp, pvec);
            }
        }
        """;
}
