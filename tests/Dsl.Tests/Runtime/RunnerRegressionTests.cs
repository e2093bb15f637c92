using System.Diagnostics;
using MmuDsl.Dsl.Golden;
using MmuDsl.Dsl.Runtime;
using MmuDsl.Dsl.Scenarios;

namespace MmuDsl.Dsl.Tests.Runtime;

/// <summary>Inputs that once crashed, stalled or misbehaved (found by the robustness work); each now ends cleanly.</summary>
public sealed class RunnerRegressionTests
{
    private static ScenarioResult Run(string text, RunOptions? options = null) =>
        ScenarioRunner.RunText("r.mmu", text, options ?? RunOptions.Default with { Algorithms = ["legacy"] });

    [Fact]
    public void NestedTrace_RecordsEachEventOncePerTrace()
    {
        var result = Run("root R level 2\npage L level 1\nproc p() {\n  trace link R[0] -> L\n}\ntrace call p()\n");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("link_shadow_page R[0] -> L\nlink_shadow_page R[0] -> L\n", result.Output);
    }

    [Fact]
    public void RecursiveTracedCalls_StopAtTheCallLimit_Quickly()
    {
        var clock = Stopwatch.StartNew();
        var result = Run("root R level 2\npage L level 1\nproc f() {\n  link R[0] -> L\n  unlink R[0]\n  trace trace trace call f()\n}\ncall f()\n");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("call depth limit reached", result.Errors[0].Render(), StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    [Fact]
    public void NulInIncludePath_IsADiagnostic()
    {
        var result = Run("include \"a\0b.mmu\"\n");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("r.mmu:1:9: error: 'a", result.Errors[0].Render(), StringComparison.Ordinal);
    }

    [Fact]
    public void DoublingString_StopsAtTheStringLimit()
    {
        var result = Run("let s = \"x\"\nfor i in 0..40 {\n  let s = \"$s$s\"\n}\n");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("string too long", result.Errors[0].Render(), StringComparison.Ordinal);
    }

    [Fact]
    public void DeepRecursionInsideDeepLoops_IsADiagnostic_NotAStackOverflow()
    {
        var sb = new System.Text.StringBuilder("set max_call_depth 10000\nproc f() {\n");
        for (int i = 0; i < 60; i++)
        {
            sb.Append($"for i{i} in 0..1 {{\n");
        }

        sb.Append("call f()\n");
        for (int i = 0; i < 60; i++)
        {
            sb.Append("}\n");
        }

        sb.Append("}\ncall f()\n");
        var result = Run(sb.ToString());
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error:", result.Errors[0].Render(), StringComparison.Ordinal);
    }

    [Fact]
    public void StatementBudget_CountsLoopIterations_EvenWithEmptyBodies()
    {
        var result = Run("set max_loop_iterations 300000000\nfor i in 0..300000000 {\n}\n", RunOptions.Default with { Algorithms = ["legacy"], MaxStatements = 1000 });
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("statement budget exhausted", result.Errors[0].Render(), StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownLongPageName_AnswersQuickly()
    {
        string a = new('N', 50_000);
        string b = new('M', 50_000);
        var clock = Stopwatch.StartNew();
        var result = Run($"page {a} level 1\nunsync {b}\n");
        Assert.Equal(2, result.ExitCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Rewrite_LeavesAPassingBlockWithAgreeingSectionsAlone()
    {
        var result = ScenarioRunner.RunText("s.mmu", "echo \"x\"\n----\n@legacy\nx\n@recursive\nx\n----\n", RunOptions.Default);
        Assert.Equal(0, result.ExitCode);
        Assert.Empty(GoldenRewriter.Plan(result));
    }
}
