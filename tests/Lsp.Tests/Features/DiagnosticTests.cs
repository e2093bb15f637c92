using MmuDsl.Lsp.Protocol;

namespace MmuDsl.Lsp.Tests.Features;

/// <summary>Diagnostics: exact ranges, per algorithm where the runs differ, golden blocks, includes.</summary>
public sealed class DiagnosticTests
{
    [Fact]
    public void GoldenBlockMismatch_CoversTheBlock_WithTheDiff()
    {
        var doc = Analyzed.Of("root R level 2\nshow R\n----\nR L2 wrong\n----\n");
        var d = Assert.Single(doc.Run.Diagnostics);
        Assert.Equal("golden-block", d.Code);
        Assert.Equal("----\nR L2 wrong\n----", doc.TextOf(d.Range));
        Assert.StartsWith("golden block differs", d.Message, StringComparison.Ordinal);
        Assert.Contains("+R L2 root unsync_children=0 bitmap={}", d.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("[legacy]", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ErrorUnderOneAlgorithm_IsTaggedWithIt()
    {
        var doc = Analyzed.Of("root R level 2\n@recursive link R[0] -> Nope\nexpect R.level == 2\n");
        var d = Assert.Single(doc.Run.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.StartsWith("[recursive] unknown page 'Nope'", d.Message, StringComparison.Ordinal);
        Assert.Equal("Nope", doc.TextOf(d.Range));
    }

    [Fact]
    public void UnknownAlgorithm_ReadBackFromTheRenderedError_PointsAtTheName()
    {
        var doc = Analyzed.Of("algorithms legacy nosuch\nroot R level 2\n");
        var d = Assert.Single(doc.Run.Diagnostics);
        Assert.Contains("unknown algorithm 'nosuch'", d.Message, StringComparison.Ordinal);
        Assert.Equal("nosuch", doc.TextOf(d.Range));
    }

    [Fact]
    public void ErrorInAnIncludedFile_StandsOnTheInclude_AndPointsIntoTheFile()
    {
        string dir = Path.Combine(Path.GetTempPath(), "mmudsl-lsp-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string common = Path.Combine(dir, "common.mmu");
            File.WriteAllText(common, "root R level 2\nlink R[0] -> Missing\n");
            var doc = Analyzed.Of("include \"common.mmu\"\nshow\n", Path.Combine(dir, "main.mmu"));
            var d = Assert.Single(doc.Run.Diagnostics);
            Assert.Equal("\"common.mmu\"", doc.TextOf(d.Range));
            Assert.StartsWith("in common.mmu:2:14: unknown page 'Missing'", d.Message, StringComparison.Ordinal);
            var related = Assert.Single(d.RelatedInformation!);
            Assert.Equal(new Uri(common).AbsoluteUri, related.Location.Uri);
            Assert.Equal(new Protocol.Range(new Position(1, 13), new Position(1, 20)), related.Location.Range);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void OpenIncludedFile_IsReadFromTheEditor_NotTheDisk()
    {
        string dir = Path.Combine(Path.GetTempPath(), "mmudsl-lsp-" + Guid.NewGuid().ToString("N"));
        string common = Path.Combine(dir, "common.mmu");
        var doc = Analyzed.Of("include \"common.mmu\"\nexpect R.level == 3\n", Path.Combine(dir, "main.mmu"), openText: p => p == common ? "root R level 3\n" : null);
        Assert.Empty(doc.Run.Diagnostics);
    }

    [Fact]
    public void TimeBudget_StopsTheRun_WithOneWarningWhereItStopped()
    {
        // A loop no run could finish: only the budget ends it.
        var options = ServerOptions.Default with
        {
            TimeBudget = TimeSpan.FromMilliseconds(100),
            Run = Dsl.Runtime.RunOptions.Default with { MaxLoopIterations = long.MaxValue },
        };
        var doc = Analyzed.Of("for i in 0..1000000000000000 {\n    let x = $i\n}\nexpect false\n", options: options);
        var d = Assert.Single(doc.Run.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Equal("time-budget", d.Code);
        Assert.Contains("run was stopped at this statement when the editor's time budget (100 ms per run, all algorithms together) ran out", d.Message, StringComparison.Ordinal);
        Assert.InRange(d.Range.Start.Line, 0, 1);
    }
}
