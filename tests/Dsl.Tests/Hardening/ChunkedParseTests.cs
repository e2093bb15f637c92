using MmuDsl.Dsl.Scenarios;
using MmuDsl.Dsl.Syntax;
using MmuDsl.Dsl.Tests.Runtime;

namespace MmuDsl.Dsl.Tests.Hardening;

/// <summary>
/// Issue 14, item 4: the front end parses a file a chunk of whole top-level lines at a time, so a
/// large file's tokens and parse tree are never held whole. The chunks change nothing: cut as
/// finely as possible (a chunk per top-level line) or not at all, the tree and the diagnostics are
/// the same, on the shipped scenarios, the runtime cases and 1,500 hostile mutants of them.
/// </summary>
public sealed class ChunkedParseTests
{
    private static readonly ParseOptions Finest = ParseOptions.Default with { TokensPerChunk = 1 };
    private static readonly ParseOptions Whole = ParseOptions.Default with { TokensPerChunk = int.MaxValue };

    private static void AssertSameParse(string text, string what)
    {
        var whole = ScenarioParser.Parse("c.mmu", text, Whole);
        var finest = ScenarioParser.Parse("c.mmu", text, Finest);
        Assert.True(
            whole.Diagnostics.Select(d => (d.Span, d.Message)).SequenceEqual(finest.Diagnostics.Select(d => (d.Span, d.Message))),
            $"{what}: diagnostics differ\ntext:\n{text}\nwhole:\n{string.Join("\n", whole.Diagnostics.Select(d => d.Span + " " + d.Message))}\nfinest:\n{string.Join("\n", finest.Diagnostics.Select(d => d.Span + " " + d.Message))}");
        Assert.True(SyntaxEquality.FirstDifference(whole.File.Statements, finest.File.Statements) is null, $"{what}: {SyntaxEquality.FirstDifference(whole.File.Statements, finest.File.Statements)}");
        Assert.Equal(
            SyntaxWalk.Statements(whole.File.Statements).Select(s => (s.Span, s.Golden?.Content)),
            SyntaxWalk.Statements(finest.File.Statements).Select(s => (s.Span, s.Golden?.Content)));
    }

    [Fact]
    public void ShippedScenariosAndRuntimeCases_ParseTheSameInChunks()
    {
        var files = TestFolders.ShippedScenarios.Concat(Directory.EnumerateFiles(TestFolders.Cases, "*.mmu", SearchOption.AllDirectories)).ToList();
        Assert.True(files.Count > 100);
        foreach (string path in files)
        {
            AssertSameParse(File.ReadAllText(path), path);
        }
    }

    [Fact]
    public void FifteenHundredMutants_ParseTheSameInChunks()
    {
        var mutator = new ScenarioMutator([.. TestFolders.ShippedScenarios.Select(File.ReadAllText)]);
        for (int seed = 1; seed <= 1500; seed++)
        {
            string text = mutator.Next(new Random(seed));
            AssertSameParse(text, $"mutant {seed}");
        }
    }

    [Theory]
    [InlineData("for i in 0..2 {\necho \"a\"\n----\na\n----\n}\nshow\n----\n----\n")]
    [InlineData("}\n}\nfor i in 0..1 {\n")]
    [InlineData("echo \"x\"\n----\nnever closed\n")]
    [InlineData("echo {\n1\n}\nshow\n")]
    [InlineData("proc p() {\nfor i in 0..1 {\n}\n} x\nstats\n----\n----\n----\n")]
    [InlineData("echo \"unterminated\nshow \"also\n")]
    [InlineData("for i in 0..2 {\n  for j in 0..2 {]    page L level 1\n  }\n}\nshow\n----\n----\n")]
    [InlineData("for j in 0..2 {]\nshow\n")]
    [InlineData("proc p() x {\n}\n}\n}\nstats\n")]
    public void EdgeCases_ParseTheSameInChunks(string text)
    {
        AssertSameParse(text, text);
    }
}
