using System.Text.RegularExpressions;
using MmuDsl.Dsl.Golden;
using MmuDsl.Dsl.Runtime;
using MmuDsl.Dsl.Scenarios;
using MmuDsl.Dsl.Syntax;

namespace MmuDsl.Dsl.Tests.Runtime;

/// <summary>
/// <c>--rewrite</c> on the shipped scenarios: a fresh run plans no change; a copy with one golden
/// block altered (LF or CRLF) is planned back to the original byte for byte, with every other
/// byte, <c>expect</c> lines included, left as it was.
/// </summary>
public sealed partial class GoldenRewriteTests
{
    public static TheoryData<string> Shipped()
    {
        var data = new TheoryData<string>();
        foreach (string path in TestFolders.ShippedScenarios)
        {
            data.Add(TestFolders.Relative(path));
        }

        return data;
    }

    public static TheoryData<string> ShippedWithBlocks()
    {
        var data = new TheoryData<string>();
        foreach (string path in TestFolders.ShippedScenarios)
        {
            var parsed = ScenarioParser.Parse(path, File.ReadAllText(path));
            if (SyntaxWalk.Statements(parsed.File.Statements).Any(s => s.Golden != null))
            {
                data.Add(TestFolders.Relative(path));
            }
        }

        return data;
    }

    private static string FullPath(string relative) => Path.Combine(TestFolders.Scenarios, relative);

    private static ScenarioResult Run(string relative, string text) => ScenarioRunner.RunText(FullPath(relative), text, RunOptions.Default);

    private static string Crlf(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal);

    /// <summary>The golden blocks of the main file, in source order, with the algorithms that ran each statement.</summary>
    private static List<GoldenBlockResult> Blocks(ScenarioResult result) =>
        result.GoldenBlocks.Where(b => b.File.Path == result.Path).OrderBy(b => b.Statement.Golden!.Content.Start).ToList();

    /// <summary>
    /// Ways to spoil a block's content (each ending with a line break, so the closing <c>----</c>
    /// stays a line of its own). Sections for two algorithms only where both ran the statement: a
    /// section for an algorithm that did not is an error of its own (GoldenSectionTests).
    /// </summary>
    private static IEnumerable<string> Alterations(GoldenBlockResult block, IReadOnlyList<string> algorithms, string newline)
    {
        string content = block.Statement.Golden!.Text;
        yield return string.Empty;
        yield return "stale" + newline;
        if (block.Actual.Count == algorithms.Count && algorithms.Count == 2)
        {
            yield return "@" + algorithms[0] + newline + "a" + newline + "@" + algorithms[1] + newline + "b" + newline;
        }

        yield return content + "one more line" + newline;
        if (content.Length > 2)
        {
            int middle = content.Length / 2;
            char c = content[middle];
            if (c is not '\r' and not '\n' and not '@')
            {
                yield return content[..middle] + (c == 'x' ? 'y' : 'x') + content[(middle + 1)..];
            }
        }
    }

    private static void AssertRestores(string relative, string original)
    {
        var fresh = Run(relative, original);
        Assert.Equal(0, fresh.ExitCode);
        int checkedBlocks = 0;
        string newline = original.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        foreach (var block in Blocks(fresh))
        {
            var content = block.Statement.Golden!.Content;
            foreach (string alteration in Alterations(block, fresh.Algorithms, newline))
            {
                string altered = original[..content.Start] + alteration + original[content.End..];
                if (altered == original)
                {
                    continue;
                }

                var run = Run(relative, altered);
                // A mismatch fails the run (exit 1); a spoiled section header is an error of the block
                // (exit 2), which does not stop the run and which the rewrite fixes all the same.
                Assert.True(run.ExitCode is 1 or 2 && !run.StoppedOnError, $"{relative}:{block.Statement.Span.Line}: the altered block did not fail the run (exit {run.ExitCode})\n{string.Concat(run.Errors.Select(e => e.Render()))}");
                var plan = Assert.Single(GoldenRewriter.Plan(run));
                Assert.Equal(FullPath(relative), plan.Path);
                Assert.Equal([block.Statement.Span.Line], plan.ChangedBlockLines);
                Assert.Equal(original, plan.NewText);
                checkedBlocks++;
            }
        }

        Assert.True(checkedBlocks > 0, $"{relative}: no block was altered");
    }

    [Theory]
    [MemberData(nameof(Shipped))]
    public void Plan_FreshRunOfShippedScenario_ChangesNothing(string relative)
    {
        var result = Run(relative, File.ReadAllText(FullPath(relative)));
        Assert.Equal(0, result.ExitCode);
        Assert.Empty(GoldenRewriter.Plan(result));
    }

    [Theory]
    [MemberData(nameof(Shipped))]
    public void Plan_FreshRunOfCrlfCopy_ChangesNothing(string relative)
    {
        var result = Run(relative, Crlf(File.ReadAllText(FullPath(relative))));
        Assert.Equal(0, result.ExitCode);
        Assert.Empty(GoldenRewriter.Plan(result));
    }

    [Theory]
    [MemberData(nameof(ShippedWithBlocks))]
    public void Plan_OneBlockAltered_RestoresExactlyThatBlock(string relative) =>
        AssertRestores(relative, File.ReadAllText(FullPath(relative)));

    [Theory]
    [MemberData(nameof(ShippedWithBlocks))]
    public void Plan_OneBlockAlteredInCrlfCopy_RestoresExactlyThatBlockWithCrlf(string relative) =>
        AssertRestores(relative, Crlf(File.ReadAllText(FullPath(relative))));

    /// <summary>
    /// Every <c>expect EXPR</c> of the file is made to fail as <c>expect !(EXPR)</c> (and <c>expect
    /// invariants</c> gets trailing spaces); one block is altered. The plan restores the block and
    /// keeps each expect line exactly as it stands in the altered file.
    /// </summary>
    [Theory]
    [MemberData(nameof(ShippedWithBlocks))]
    public void Plan_FailingExpectsAndAnAlteredBlock_TouchesOnlyTheBlock(string relative)
    {
        string original = File.ReadAllText(FullPath(relative));
        string negated = ExpectLine().Replace(original, m => m.Groups["expr"].Value == "invariants"
            ? m.Value + "  "
            : $"{m.Groups["head"].Value}expect !({m.Groups["expr"].Value})");
        var withExpects = Run(relative, negated);
        Assert.Empty(withExpects.Errors);
        if (negated.Contains("expect !(", StringComparison.Ordinal))
        {
            Assert.Contains(withExpects.Failures, f => f.Kind == FailureKind.Expectation);
        }
        var block = Blocks(withExpects).First(b => b.Holds && b.Actual.Count == withExpects.Algorithms.Count);
        var content = block.Statement.Golden!.Content;
        string altered = negated[..content.Start] + "stale\n" + negated[content.End..];
        var run = Run(relative, altered);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains(run.Failures, f => f.Kind == FailureKind.GoldenBlock);
        var plan = Assert.Single(GoldenRewriter.Plan(run));
        Assert.Equal(negated, plan.NewText);
        string[] expectsBefore = [.. negated.Split('\n').Where(l => l.Contains("expect", StringComparison.Ordinal))];
        string[] expectsAfter = [.. plan.NewText.Split('\n').Where(l => l.Contains("expect", StringComparison.Ordinal))];
        Assert.Equal(expectsBefore, expectsAfter);
    }

    [Theory]
    [MemberData(nameof(ShippedWithBlocks))]
    public void Plan_AppliedOnce_IsStable(string relative)
    {
        string original = File.ReadAllText(FullPath(relative));
        var fresh = Run(relative, original);
        var content = Blocks(fresh).First(b => b.Actual.Count == fresh.Algorithms.Count).Statement.Golden!.Content;
        string altered = original[..content.Start] + original[content.End..];
        string rewritten = Assert.Single(GoldenRewriter.Plan(Run(relative, altered))).NewText;
        var again = Run(relative, rewritten);
        Assert.Equal(0, again.ExitCode);
        Assert.Empty(GoldenRewriter.Plan(again));
    }

    [Fact]
    public void Plan_RunWithAnError_PlansNothing()
    {
        const string text = "root R level 2\nshow\n----\nstale\n----\nunsync Nowhere\n";
        var result = ScenarioRunner.RunText("error.mmu", text, RunOptions.Default);
        Assert.Equal(2, result.ExitCode);
        Assert.Empty(GoldenRewriter.Plan(result));
    }

    [GeneratedRegex(@"^(?<head>[ \t]*(?:@\w+[ \t]+)?)expect (?<expr>[^\r\n]*?)(?=\r?$)", RegexOptions.Multiline)]
    private static partial Regex ExpectLine();
}
