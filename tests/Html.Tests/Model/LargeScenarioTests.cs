using MmuDsl.Dsl.Runtime;
using MmuDsl.Html.Building;
using MmuDsl.Html.Model;

namespace MmuDsl.Html.Tests.Model;

/// <summary>Above the draw limit, each frame draws what it touched and the paths to the roots, within a cap.</summary>
public sealed class LargeScenarioTests
{
    /// <summary>A root, 10 level-3 pages, 100 level-2 pages and <c>20 * 100</c> leaves: 2,111 pages.</summary>
    internal const string Wide = """
        root R level 4
        for a in 0..10 {
          page A$a level 3
          link R[$a] -> A$a
          for b in 0..10 {
            page B${$a * 10 + $b} level 2
            link A$a[$b] -> B${$a * 10 + $b}
            for c in 0..20 {
              page L${($a * 10 + $b) * 20 + $c} level 1
              link B${$a * 10 + $b}[$c] -> L${($a * 10 + $b) * 20 + $c}
            }
          }
        }
        unsync L5
        unsync L777
        sync R interrupt-after 1
        sync R
        expect invariants

        """;

    [Fact]
    public void WideScenario_DrawsPerFrame_TheTouchedPagesAndTheirPathsToTheRoot()
    {
        string file = Path.Combine(Repo.Artifacts, "large-wide.mmu");
        File.WriteAllText(file, Wide);
        var run = HtmlReport.Run(file, RunOptions.Default);
        var options = HtmlReportOptions.Default;
        var model = ReportBuilder.Build(run.Result, run.Recorders, options);
        Assert.Equal(2111, model.Pages.Count);
        Assert.True(model.Large);
        Assert.Equal(model.FrameCount, model.FrameViews.Count);
        Assert.All(model.FrameViews, v => Assert.InRange(v, 0, model.Views.Count - 1));
        Assert.All(model.Views, v => Assert.InRange(v.Pages.Length, 1, options.MaxDrawnPerFrame));
        Assert.All(model.Views, v => Assert.Equal(v.Pages.Length, model.Layouts[v.Layout].X.Length));

        string[] Drawn(int frame) => model.Views[model.FrameViews[frame]].Pages.Select(p => model.Pages[p].Name).ToArray();
        var unsync = model.Steps.Single(s => s.Span.Line == 15);
        Assert.Equal(["R", "A3", "B38", "L777"], Drawn(unsync.FirstFrame + unsync.SubFrames).OrderBy(n => n.Length).ThenBy(n => n, StringComparer.Ordinal).ToArray());

        var sync = model.Steps.Single(s => s.Span.Line == 16);
        Assert.True(sync.SubFrames >= 2);
        var walk = Drawn(sync.FirstFrame + 1);
        Assert.Subset(walk.ToHashSet(), new HashSet<string> { "R", "A0", "B0", "L5" });

        // The link statements of the loops draw the same shape again and again: laid out once each.
        Assert.True(model.MsaglRuns * 20 < model.Views.Count, $"{model.MsaglRuns} MSAGL layouts for {model.Views.Count} views");
    }

    [Fact]
    public void DrawLimit_DecidesWhetherTheGraphIsDrawnWhole()
    {
        string file = Path.Combine(Repo.Artifacts, "large-limit.mmu");
        File.WriteAllText(file, "root R level 3\npage Q level 2\npage L level 1\nlink R[0] -> Q\nlink Q[0] -> L\nunsync L\n");
        var run = HtmlReport.Run(file, RunOptions.Default);
        Assert.False(ReportBuilder.Build(run.Result, run.Recorders, HtmlReportOptions.Default with { DrawLimit = 3 }).Large);
        var small = ReportBuilder.Build(run.Result, run.Recorders, HtmlReportOptions.Default with { DrawLimit = 2 });
        Assert.True(small.Large);
        var unsync = small.Steps[^1];
        Assert.Equal(3, small.Views[small.FrameViews[unsync.FirstFrame]].Pages.Length);
    }
}
