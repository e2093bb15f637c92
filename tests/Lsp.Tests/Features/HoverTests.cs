using MmuDsl.Dsl.Output;
using MmuDsl.Dsl.Runtime;
using MmuDsl.Dsl.Scenarios;
using MmuDsl.Lsp.Analysis;
using MmuDsl.Lsp.Features;
using MmuDsl.Lsp.Tests.Client;

namespace MmuDsl.Lsp.Tests.Features;

/// <summary>Hover: pages after a statement per algorithm, fields and counters, names built in loops, keywords.</summary>
public sealed class HoverTests
{
    private const string Chain = "root R level 3\npage A level 2\npage L level 1\nlink R[0] -> A\nlink A[4] -> L\nunsync L\nsync R interrupt-after 1\nexpect A.unsync_children >= 0 && stat.walks > 0\n";

    private static string Hover(Analyzed doc, string marker, int delta = 0, int nth = 1) =>
        HoverProvider.Hover(doc.Syntax, doc.Run, doc.At(marker, delta, nth))?.Contents.Value ?? "(none)";

    [Fact]
    public void PageName_ShowsItsLineAfterTheStatement_ForEachAlgorithm()
    {
        var doc = Analyzed.Of(Chain);
        Assert.Contains("legacy, recursive  A L2 unsync_children=0 bitmap={}", Hover(doc, "A[4]"), StringComparison.Ordinal);
        Assert.Contains("after line 5, `link A[4] -> L`", Hover(doc, "A[4]"), StringComparison.Ordinal);
        Assert.Contains("L L1 unsync", Hover(doc, "unsync L", 7), StringComparison.Ordinal);
    }

    [Fact]
    public void FieldAndCounter_ShowTheirValuesThere()
    {
        var doc = Analyzed.Of(Chain);
        Assert.Contains("A.unsync_children = 0", Hover(doc, "unsync_children"), StringComparison.Ordinal);
        string walks = Hover(doc, "walks");
        Assert.Contains("stat.walks = ", walks, StringComparison.Ordinal);
        Assert.Contains("legacy", walks, StringComparison.Ordinal);
    }

    [Fact]
    public void NameBuiltInALoop_ShowsThePageOfItsLastRun()
    {
        var doc = Analyzed.Of("root R level 2\nfor i in 0..3 {\n    page L$i level 1\n    link R[$i] -> L$i\n}\n");
        string hover = Hover(doc, "L$i", 1, nth: 2);
        Assert.Contains("L2 L1 sync   (L$i = L2)", hover, StringComparison.Ordinal);
        Assert.Contains("the last of its 3 runs", hover, StringComparison.Ordinal);
    }

    [Fact]
    public void StatementOfOneAlgorithm_IsNotRunUnderTheOther()
    {
        var doc = Analyzed.Of("root R level 2\npage L level 1\nlink R[0] -> L\n@legacy unsync L\n");
        string hover = Hover(doc, "unsync L", 7);
        Assert.Contains("legacy     L L1 unsync", hover, StringComparison.Ordinal);
        Assert.Contains("recursive  (not run here)", hover, StringComparison.Ordinal);
    }

    [Fact]
    public void Keyword_ShowsItsLineOfDoc()
    {
        var doc = Analyzed.Of(Chain);
        Assert.StartsWith("`sync P [interrupt-after N | yield-after N { ... }]`", Hover(doc, "sync R", 1), StringComparison.Ordinal);
        Assert.Contains("-EINTR", Hover(doc, "interrupt-after", 3), StringComparison.Ordinal);
        Assert.Equal("(none)", Hover(doc, "3\n", 0));
    }

    [Fact]
    public void PageFacts_ShowLine_IsShowPrintersLine_OnEveryShippedScenario()
    {
        int pages = 0;
        foreach (var path in Directory.EnumerateFiles(Path.Combine(Repo.Root, "scenarios"), "*.mmu", SearchOption.AllDirectories))
        {
            var result = ScenarioRunner.RunFile(path, RunOptions.Default);
            foreach (var page in result.Runs.SelectMany(r => r.Engine.Pages))
            {
                Assert.Equal(ShowPrinter.PageLine(page), PageFacts.Of(page).ShowLine());
                pages++;
            }
        }

        Assert.True(pages > 100, $"only {pages} pages");
    }
}
