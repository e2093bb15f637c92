using MmuDsl.Dsl.Golden;
using MmuDsl.Dsl.Runtime;
using MmuDsl.Dsl.Scenarios;

namespace MmuDsl.Dsl.Tests.Hardening;

/// <summary>
/// Issue 14, item 14: a golden block cannot hold a section that is never checked. It holds one
/// text, or sections only for the algorithms that ran its statement; a section for an algorithm
/// that ran the file but not the statement, for a name that is no algorithm, or for one that does
/// not run the file, is an error at its header (which a rewrite fixes); an algorithm the command
/// line left out is simply not checked (and a rewrite keeps its text). Output lines that begin
/// with '@' are escaped with one more '@', so output is never read as a header.
/// </summary>
public sealed class GoldenSectionTests
{
    private static ScenarioResult Run(string text, RunOptions? options = null) =>
        ScenarioRunner.RunText("g.mmu", text, options ?? RunOptions.Default);

    private static string Rewritten(string text, RunOptions? options = null) =>
        Assert.Single(GoldenRewriter.Plan(Run(text, options))).NewText;

    [Fact]
    public void Reproducer_SectionForAnAlgorithmThatDidNotRunTheStatement_IsAnError_NotAPass()
    {
        const string text = "@legacy echo \"a\"\n----\n@legacy\na\n@recursive\nWRONG\n----\n";
        var result = Run(text);
        Assert.Equal(2, result.ExitCode);
        Assert.False(result.StoppedOnError);
        Assert.Equal(
            "g.mmu:5:1: error: a section for 'recursive', which ran this file but not this statement: a block holds sections only for the algorithms that run its statement (mmudsl test --rewrite drops it)\n@recursive\n^\n",
            Assert.Single(result.Errors).Render());
        Assert.Equal("@legacy echo \"a\"\n----\na\n----\n", Rewritten(text));
    }

    [Fact]
    public void Reproducer_RewriteOfAQualifiedStatement_WritesOnlyItsAlgorithmsText()
    {
        const string text = "@legacy echo \"a\"\n----\nWRONG\n----\n";
        string rewritten = Rewritten(text);
        Assert.Equal("@legacy echo \"a\"\n----\na\n----\n", rewritten);
        Assert.Equal(0, Run(rewritten).ExitCode);
        Assert.Equal(1, Run(rewritten.Replace("\na\n", "\nb\n", StringComparison.Ordinal)).ExitCode);
    }

    [Fact]
    public void SectionForAnUnknownName_IsAnError()
    {
        var result = Run("echo \"a\"\n----\n@legacy\na\n@eagr\na\n----\n");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("g.mmu:5:1: error: unknown algorithm 'eagr' in a section header; algorithms are ", Assert.Single(result.Errors).Render(), StringComparison.Ordinal);
    }

    [Fact]
    public void SectionForAnAlgorithmTheFileDoesNotRun_IsAnError()
    {
        var result = Run("algorithms legacy\necho \"a\"\n----\n@legacy\na\n@recursive\na\n----\n");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("g.mmu:6:1: error: a section for 'recursive', which does not run this file (it runs legacy)", Assert.Single(result.Errors).Render(), StringComparison.Ordinal);
    }

    [Fact]
    public void AlgorithmLeftOutByTheCommandLine_IsNotChecked_AndARewriteKeepsItsSection()
    {
        const string text = "root R level 2\npage L level 1\nlink R[0] -> L\nunsync L\nsync R interrupt-after 1\nstats\n----\n@legacy\nold\n@recursive\nNOT CHECKED\n----\n";
        var legacyOnly = RunOptions.Default with { Algorithms = ["legacy"] };
        var result = Run(text, legacyOnly);
        Assert.Empty(result.Errors);
        var failure = Assert.Single(result.Failures);
        Assert.Equal("golden block differs [legacy]", failure.Headline);
        string rewritten = Rewritten(text, legacyOnly);
        Assert.EndsWith("----\n@legacy\n" + result.Runs[0].Output[0].Text + "@recursive\nNOT CHECKED\n----\n", rewritten, StringComparison.Ordinal);
        Assert.Equal(0, Run(rewritten, legacyOnly).ExitCode);
    }

    [Fact]
    public void OneTextForEveryAlgorithm_RewrittenWithOneLeftOut_KeepsTheTextForIt()
    {
        const string text = "echo \"new\"\n----\nold\n----\n";
        Assert.Equal("echo \"new\"\n----\n@legacy\nnew\n@recursive\nold\n----\n", Rewritten(text, RunOptions.Default with { Algorithms = ["legacy"] }));
    }

    [Fact]
    public void OutputThatLooksLikeAHeader_IsEscaped_AndReadBack()
    {
        const string text = "echo \"@legacy\"\n----\n----\necho \"@@x @\"\n----\n----\n";
        string rewritten = Rewritten(text);
        Assert.Equal("echo \"@legacy\"\n----\n@@legacy\n----\necho \"@@x @\"\n----\n@@@x @\n----\n", rewritten);
        Assert.Equal(0, Run(rewritten).ExitCode);
    }

    [Fact]
    public void Reproducer_OutputWhoseFirstLineIsAHeaderName_IsNotTakenForASection()
    {
        // Before: "@legacy" printed by both algorithms, written unescaped, read as an empty legacy section.
        // As `mmudsl run` reads it: legacy's text differs; recursive has no section, which `run` notes.
        var result = Run("echo \"@legacy\"\n----\n@legacy\n----\n");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(1, result.Failures.Count(f => f.Kind == FailureKind.GoldenBlock));
        Assert.Contains(result.Notes, n => n.Contains("golden block not checked under recursive", StringComparison.Ordinal));

        // As `mmudsl test` reads it: both fail.
        var tested = ScenarioRunner.RunText("t.mmu", "echo \"@legacy\"\n----\n@legacy\n----\n", RunOptions.Default with { RequireGoldenSections = true });
        Assert.Equal(2, tested.Failures.Count(f => f.Kind == FailureKind.GoldenBlock));
    }

    [Theory]
    [InlineData("@ legacy\n", "'@ legacy' is neither a section header '@NAME' nor an output line: output that begins with '@' is written with one more '@' ('@@ legacy')")]
    [InlineData("@legacy x\n", "'@legacy x' is neither a section header '@NAME' nor an output line")]
    [InlineData("@\n", "'@' is neither a section header")]
    [InlineData("a\n@legacy\na\n@recursive\na\n", "section header '@legacy' after output lines")]
    [InlineData("@legacy\na\n@legacy\na\n", "a second section for 'legacy'")]
    public void UnreadableBlockLines_AreErrorsAtTheirLine(string content, string message)
    {
        var result = Run("echo \"a\"\n----\n" + content + "----\n");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(result.Errors.Select(e => e.Render()), e => e.StartsWith("g.mmu:", StringComparison.Ordinal) && e.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void SectionsForBothAlgorithmsThatRanTheStatement_AreBothChecked()
    {
        const string text = "echo \"a\"\n----\n@legacy\na\n@recursive\nb\n----\n";
        var result = Run(text);
        Assert.Empty(result.Errors);
        Assert.Equal("golden block differs [recursive]", Assert.Single(result.Failures).Headline);
    }

    [Fact]
    public void StatementNeverRun_WithASectionForAnAlgorithmThatRanTheFile_IsAnError()
    {
        var result = Run("proc p() {\necho \"a\"\n----\n@legacy\na\n----\n}\n");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("a section for 'legacy', which ran this file but not this statement", Assert.Single(result.Errors).Render(), StringComparison.Ordinal);
    }

    [Fact]
    public void ShippedScenario06_HoldsNoSectionForAnAlgorithmThatDidNotRunItsStatement()
    {
        string path = Path.Combine(Runtime.TestFolders.Scenarios, "scripting", "06-algorithms-and-qualifiers.mmu");
        var result = ScenarioRunner.RunFile(path, RunOptions.Default);
        Assert.Equal(0, result.ExitCode);
        Assert.All(result.GoldenBlocks, b => Assert.All(b.Expected.SectionAlgorithms, a => Assert.Contains(a, b.Actual.Keys)));
    }
}
