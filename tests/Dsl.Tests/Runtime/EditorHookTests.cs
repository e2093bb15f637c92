using MmuDsl.Dsl.Runtime;
using MmuDsl.Dsl.Scenarios;
using MmuDsl.Dsl.Syntax;

namespace MmuDsl.Dsl.Tests.Runtime;

/// <summary>What the language server uses: cancellation between statements, the step observer, a run of a parsed file.</summary>
public sealed class EditorHookTests
{
    private sealed class Recorder : IStepObserver
    {
        public List<(string Algorithm, Statement Statement, string? Name, string? Line)> Steps { get; } = [];

        public void AfterStatement(Statement statement, StepView step)
        {
            if (statement is UnsyncStatement u)
            {
                string? name = step.PageNameOf(u.Page);
                var page = name == null ? null : step.Engine.FindPage(name);
                Steps.Add((step.Algorithm, statement, name, page == null ? null : Output.ShowPrinter.PageLine(page)));
            }
        }
    }

    [Fact]
    public void Cancellation_StopsAnEndlessLoopBetweenIterations()
    {
        // A loop no run could finish: only the cancellation ends it (the timer may fire late on a
        // loaded machine, so the time is not the check).
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var options = RunOptions.Default with { Cancellation = cts.Token, MaxLoopIterations = long.MaxValue };
        var result = ScenarioRunner.RunText("loop.mmu", "for i in 0..1000000000000000 {\n}\n", options);
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(1), $"took {clock.Elapsed}");
        Assert.All(result.Runs, r => Assert.True(r.Cancelled));
        Assert.Equal(1, result.Runs[0].Errors[0].Span.Line);
        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public void Cancellation_NotRequested_LeavesTheRunAlone()
    {
        var result = ScenarioRunner.RunText("ok.mmu", "root R level 2\nexpect R.level == 2\n", RunOptions.Default with { Cancellation = CancellationToken.None });
        Assert.Equal(0, result.ExitCode);
        Assert.All(result.Runs, r => Assert.False(r.Cancelled));
    }

    [Fact]
    public void StepObserver_SeesEachExecutionWithTheNameItsVariablesBuilt()
    {
        const string text = "root R level 2\npage L0 level 1\npage L1 level 1\nlink R[0] -> L0\nlink R[1] -> L1\nfor i in 0..2 {\n    unsync L$i\n}\n";
        var recorder = new Recorder();
        var result = ScenarioRunner.RunText("steps.mmu", text, RunOptions.Default with { StepObserver = recorder });
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            ["legacy L0 L0 L1 unsync", "legacy L1 L1 L1 unsync", "recursive L0 L0 L1 unsync", "recursive L1 L1 L1 unsync"],
            recorder.Steps.Select(s => $"{s.Algorithm} {s.Name} {s.Line}"));
    }

    [Fact]
    public void RunParsed_UsesTheGivenTree()
    {
        var parsed = ScenarioParser.Parse("p.mmu", "root R level 2\nshow R\n----\nR L2 root unsync_children=0 bitmap={}\n----\n");
        var result = ScenarioRunner.RunParsed(parsed, RunOptions.Default);
        Assert.Equal(0, result.ExitCode);
        Assert.Same(parsed.File, result.Files["p.mmu"]);
    }
}
