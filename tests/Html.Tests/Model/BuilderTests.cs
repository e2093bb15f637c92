using System.Text.Json;
using MmuDsl.Dsl.Runtime;
using MmuDsl.Html.Building;
using MmuDsl.Html.Model;
using MmuDsl.Html.Writing;
using MmuDsl.Mmu;

namespace MmuDsl.Html.Tests.Model;

/// <summary>The model the page steps through: its frames' changes, its timeline, its differences.</summary>
public sealed class BuilderTests
{
    private static readonly RunOptions All = RunOptions.Default with { Algorithms = Scenarios.AllAlgorithms };

    [Theory]
    [MemberData(nameof(Scenarios.Shipped), MemberType = typeof(Scenarios))]
    public void Frames_ReplayedForward_GiveEachEnginesFinalState_AndBackward_Nothing(string scenario)
    {
        var run = HtmlReport.Run(Repo.Scenario(scenario), All);
        var model = ReportBuilder.Build(run.Result, run.Recorders, HtmlReportOptions.Default);
        Assert.Equal(run.Result.Runs.Count, model.Algorithms.Count);
        for (int a = 0; a < model.Algorithms.Count; a++)
        {
            Assert.Equal(model.FrameCount, model.Deltas[a].Count);
            var current = Enumerable.Repeat(-1, model.Pages.Count).ToArray();
            foreach (var delta in model.Deltas[a])
            {
                for (int i = 0; delta != null && i < delta.Length; i += 3)
                {
                    Assert.Equal(current[delta[i]], delta[i + 2]);
                    current[delta[i]] = delta[i + 1];
                }
            }

            var engine = MmuSnapshot.Capture(run.Result.Runs[a].Engine);
            foreach (var page in engine.Pages)
            {
                int gid = model.Pages.ToList().FindIndex(p => p.Name == page.Name);
                Assert.True(gid >= 0, $"{page.Name} is not in the report");
                Assert.True(current[gid] >= 0, $"{page.Name} [{model.Algorithms[a]}] never got a state");
                AssertShows(model, model.States[current[gid]], page, $"{scenario} [{model.Algorithms[a]}] {page.Name}");
            }

            for (int f = model.Deltas[a].Count - 1; f >= 0; f--)
            {
                var delta = model.Deltas[a][f];
                for (int i = delta == null ? -3 : delta.Length - 3; i >= 0; i -= 3)
                {
                    current[delta![i]] = delta[i + 2];
                }
            }

            Assert.All(current, s => Assert.Equal(-1, s));
        }

        Assert.Equal(model.FrameCount, model.Steps.Sum(s => s.SubFrames + 1));
    }

    [Fact]
    public void QualifiedStatements_AreStepsOfTheirAlgorithmAlone()
    {
        string path = Repo.Scenario("scripting/06-algorithms-and-qualifiers.mmu");
        var lines = File.ReadAllLines(path);
        int LineOf(string start) => Array.FindIndex(lines, l => l.StartsWith(start, StringComparison.Ordinal)) + 1;
        var run = HtmlReport.Run(path, RunOptions.Default);
        var model = ReportBuilder.Build(run.Result, run.Recorders, HtmlReportOptions.Default);
        Assert.Equal(["legacy", "recursive"], model.Algorithms);
        var first = model.Steps[0];
        var second = model.Steps[1];
        Assert.Equal(LineOf("@legacy echo"), first.Span.Line);
        Assert.NotNull(first.Records[0]);
        Assert.Null(first.Records[1]);
        Assert.Equal(LineOf("@recursive echo"), second.Span.Line);
        Assert.Null(second.Records[0]);
        Assert.NotNull(second.Records[1]);
        Assert.All(model.Steps.Skip(2), s => Assert.All(s.Records, Assert.NotNull));
    }

    [Fact]
    public void StatementOfOneAlgorithm_ComesBeforeTheNextLine_ThatTheOtherRanAlone()
    {
        // Recursive alone runs line 5 and stops there on an error; legacy skips it and runs line 6.
        string scenario = Path.Combine(Repo.Artifacts, "builder-order-after-stop.mmu");
        File.WriteAllText(scenario, "root R level 3\npage Q level 2\nlink R[0] -> Q\n@legacy echo \"first\"\n@recursive link Q[0] -> R\nshow Q\n");
        var run = HtmlReport.Run(scenario, RunOptions.Default);
        var model = ReportBuilder.Build(run.Result, run.Recorders, HtmlReportOptions.Default);
        Assert.Equal([1, 2, 3, 4, 5, 6], model.Steps.Select(s => s.Span.Line));
        Assert.Null(model.Steps[4].Records[0]);
        Assert.True(model.Steps[4].Error);
        Assert.Null(model.Steps[5].Records[1]);
        var error = Assert.Single(model.Errors);
        Assert.Equal((0, 5, 25, "recursive"), (error.File, error.Line, error.Column, error.Error.Algorithm));
    }

    [Fact]
    public void SeedScenario_DiffersInMetadataAfterTheInterruptedSync_AndOpensThere()
    {
        var run = HtmlReport.Run(Repo.Scenario("seed-review/05-glorified-nop.mmu"), RunOptions.Default);
        var model = ReportBuilder.Build(run.Result, run.Recorders, HtmlReportOptions.Default with { Diff = true });
        var sync = model.Steps.Single(s => s.Span.Line == 30);
        Assert.Equal(DiffKinds.Metadata, sync.Diff);
        Assert.True(sync.SubFrames > 0);
        Assert.Equal(sync.FirstFrame + sync.SubFrames, model.InitialFrame);
        Assert.All(model.Steps.Where(s => s.Span.Line < 30), s => Assert.Equal(DiffKinds.None, s.Diff));
        Assert.Contains(model.Summary, l => l.Text == "first metadata difference after line 30: B: unsync_children=1 bitmap={1} (legacy) against unsync_children=2 bitmap={0,1} (recursive)");
        Assert.Contains(model.Summary, l => l.Text.StartsWith("semantic state (unsync pages, syncs per page, zapped pages, stat.unsync): never differs", StringComparison.Ordinal));
        Assert.Contains(model.Summary, l => l.Text == "final state (legacy against recursive): the semantic states agree; the metadata agrees; work: walks 5 against 6, visits 11 against 19");
    }

    [Fact]
    public void Json_HasAFrameOfChangesPerAlgorithm_AndPagesStatesSteps()
    {
        var run = HtmlReport.Run(Repo.Scenario("seed-review/05-glorified-nop.mmu"), All);
        var model = ReportBuilder.Build(run.Result, run.Recorders, HtmlReportOptions.Default);
        using var doc = JsonDocument.Parse(ReportJson.ToText(model));
        var root = doc.RootElement;
        Assert.Equal(ReportJson.Format, root.GetProperty("v").GetInt32());
        Assert.Equal(Scenarios.AllAlgorithms.Length, root.GetProperty("algorithms").GetArrayLength());
        Assert.Equal(model.Pages.Count, root.GetProperty("pages").GetArrayLength());
        Assert.Equal(model.Steps.Count, root.GetProperty("steps").GetArrayLength());
        Assert.All(root.GetProperty("deltas").EnumerateArray(), d => Assert.Equal(model.FrameCount, d.GetArrayLength()));
        Assert.Single(root.GetProperty("layouts").EnumerateArray());
        Assert.Equal(2 * model.Pages.Count, root.GetProperty("layouts")[0].GetProperty("xy").GetArrayLength());
        Assert.False(root.GetProperty("large").GetBoolean());
    }

    [Fact]
    public void Json_CannotEndItsScriptElement()
    {
        string file = Path.Combine(Repo.Artifacts, "builder-script-end.mmu");
        File.WriteAllText(file, "# </script><script>alert(1)</script> & <b>\nroot R level 2\necho \"</script>\"\n");
        var run = HtmlReport.Run(file, RunOptions.Default);
        var html = System.Text.Encoding.UTF8.GetString(HtmlReport.Render(run, HtmlReportOptions.Default).Html);
        int data = html.IndexOf("id=\"mmu-data\">", StringComparison.Ordinal);
        int end = html.IndexOf("</script>", data, StringComparison.Ordinal);
        string json = html[(data + 14)..end];
        Assert.DoesNotContain("<", json, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(json);
        Assert.Contains("</script><script>alert(1)", doc.RootElement.GetProperty("files")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    // What the page draws for a page equals what the engine holds.
    private static void AssertShows(ReportModel model, PageView view, PageState page, string where)
    {
        Assert.True(view.Unsync == page.Unsync && view.Zapped == page.Zapped && view.Syncs == page.Syncs, $"{where}: flags or syncs differ");
        Assert.True(view.UnsyncChildren == page.UnsyncChildren && view.Bitmap == page.Bitmap, $"{where}: metadata differs");
        Assert.Equal(
            page.Sptes.Select(s => (s.Index, s.Kind, s.Child)).ToArray(),
            view.Sptes.Select(s => (s.Index, s.Kind, s.Child < 0 ? null : model.Pages[s.Child].Name)).ToArray());
    }
}
