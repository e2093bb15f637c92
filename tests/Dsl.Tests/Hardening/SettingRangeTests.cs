using MmuDsl.Dsl.Runtime;
using MmuDsl.Dsl.Scenarios;

namespace MmuDsl.Dsl.Tests.Hardening;

/// <summary>
/// Issue 14, item 8: a setting given a value outside its range is a diagnostic at the value that
/// names the range; nothing is clamped to a value the author did not write.
/// </summary>
public sealed class SettingRangeTests
{
    private static ScenarioResult Run(string text) =>
        ScenarioRunner.RunText("set.mmu", text, RunOptions.Default with { Algorithms = ["legacy"] });

    [Theory]
    [InlineData("set max_loop_iterations -1", "max_loop_iterations (loop iterations a run may make) must be between 1 and 9,223,372,036,854,775,807, not -1")]
    [InlineData("set max_loop_iterations 0", "max_loop_iterations (loop iterations a run may make) must be between 1 and 9,223,372,036,854,775,807, not 0")]
    [InlineData("set max_pages -1", "max_pages (pages a run may make) must be between 1 and 2,147,483,647, not -1")]
    [InlineData("set max_pages 2147483648", "max_pages (pages a run may make) must be between 1 and 2,147,483,647, not 2147483648")]
    [InlineData("set max_call_depth 0", "max_call_depth (nested procedure calls) must be between 1 and 10,000, not 0")]
    [InlineData("set max_call_depth 0x7fffffffffffffff", "max_call_depth (nested procedure calls) must be between 1 and 10,000, not 9223372036854775807")]
    [InlineData("set pvec 1", "pvec (the batch capacity, KVM_PAGE_ARRAY_NR) must be between 2 and 4096, not 1")]
    public void Set_ValueOutsideItsRange_IsADiagnosticAtTheValueNamingTheRange(string line, string message)
    {
        var result = Run("echo \"before\"\n" + line + "\necho \"after\"\n");
        Assert.Equal(2, result.ExitCode);
        string error = Assert.Single(result.Errors).Render();
        int column = line.LastIndexOf(' ') + 2;
        Assert.Equal($"set.mmu:2:{column}: error: {message}\n{line}\n{new string(' ', column - 1)}^\n", error);
        Assert.Equal("before\n", result.Output);
    }

    [Theory]
    [InlineData("set max_loop_iterations 1\nfor i in 0..2 {\n}\n", "more than 1 loop iterations")]
    [InlineData("set max_call_depth 1\nproc f() {\ncall f()\n}\ncall f()\n", "more than 1 nested calls")]
    [InlineData("set max_pages 1\npage A level 1\npage B level 1\n", "already made 1 pages")]
    public void Set_ValueAtTheBottomOfItsRange_IsTakenAsWritten(string text, string limitMessage)
    {
        var result = Run(text);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(limitMessage, Assert.Single(result.Errors).Render(), StringComparison.Ordinal);
    }

    [Fact]
    public void Set_MaxCallDepthAtTheTopOfItsRange_IsTakenAsWritten()
    {
        var result = Run("set max_call_depth 10000\nproc f(n) {\nlet m = $n - 1\n}\ncall f(3)\n");
        Assert.Equal(0, result.ExitCode);
    }
}
