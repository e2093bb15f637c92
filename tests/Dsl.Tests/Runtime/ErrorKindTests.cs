using MmuDsl.Dsl.Runtime;
using MmuDsl.Dsl.Scenarios;
using MmuDsl.Dsl.Syntax;

namespace MmuDsl.Dsl.Tests.Runtime;

/// <summary>Errors are values: each has its kind, its place, the algorithm it happened under, and renders as printed.</summary>
public sealed class ErrorKindTests
{
    [Theory]
    [InlineData("root R level 2\nroot R level 3\n", ErrorKind.Runtime, 2, 6)]
    [InlineData("let x = 1 +\n", ErrorKind.Syntax, 1, 12)]
    [InlineData("for i in 0..10 {\n  echo \"x\"\n}\n", ErrorKind.LoopLimit, 1, 1)]
    [InlineData("for i in 0..5 {\n  page P$i level 1\n}\n", ErrorKind.PageLimit, 2, 8)]
    [InlineData("proc f() {\n  call f()\n}\ncall f()\n", ErrorKind.CallDepthLimit, 2, 3)]
    [InlineData("algorithms legacy fancy\n", ErrorKind.Algorithm, 1, 19)]
    [InlineData("root R level 2\n@fancy show\n", ErrorKind.Algorithm, 2, 1)]
    [InlineData("for i in 0..3 {\n  echo \"0123456789012345678901234567890123456789\"\n}\n", ErrorKind.OutputLimit, 2, 3)]
    public void Error_HasItsKindAndPlace(string text, ErrorKind kind, int line, int column)
    {
        var options = RunOptions.Default with { MaxLoopIterations = 5, MaxPages = 3, MaxCallDepth = 10, MaxOutputChars = 100 };

        var result = ScenarioRunner.RunText("k.mmu", text, options);

        var error = result.Errors[0];
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(kind, error.Kind);
        Assert.Equal("k.mmu", error.Path);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.StartsWith($"k.mmu:{line}:{column}: error", error.Render(), StringComparison.Ordinal);
        Assert.EndsWith("^\n", error.Render(), StringComparison.Ordinal);
    }

    [Fact]
    public void Error_UnderOneAlgorithmOnly_NamesIt()
    {
        var result = ScenarioRunner.RunText("k.mmu", "root R level 2\n@recursive root R level 3\n", RunOptions.Default);

        var error = Assert.Single(result.Errors);
        Assert.Equal("recursive", error.Algorithm);
        Assert.StartsWith("k.mmu:2:17: error [recursive]:", error.Render(), StringComparison.Ordinal);
    }

    [Fact]
    public void Error_AboutAWholeFile_HasAPathAndNoPlace()
    {
        var result = ScenarioRunner.RunFile(Path.Combine(Path.GetTempPath(), "no-such-" + Guid.NewGuid().ToString("N") + ".mmu"), RunOptions.Default);

        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorKind.Unreadable, error.Kind);
        Assert.Null(error.Span);
        Assert.Equal((0, 0), (error.Line, error.Column));
        Assert.Contains(": error: cannot read the scenario: no such file\n", error.Render(), StringComparison.Ordinal);
    }
}
