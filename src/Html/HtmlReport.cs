using MmuDsl.Dsl.Runtime;
using MmuDsl.Dsl.Scenarios;
using MmuDsl.Html.Building;
using MmuDsl.Html.Recording;
using MmuDsl.Html.Writing;

namespace MmuDsl.Html;

/// <summary>
/// The HTML report of a scenario: one self-contained page with the script, the page graph after
/// every statement (and every stage of a sync), for each algorithm side by side.
/// <code>
/// var run = HtmlReport.Run("case.mmu", RunOptions.Default);
/// if (run.HasSteps) HtmlReport.WriteFile("case.html", HtmlReport.Render(run, HtmlReportOptions.Default).Html);
/// </code>
/// </summary>
public static class HtmlReport
{
    /// <summary>Runs the scenario at <paramref name="path"/> under its algorithms, recording every step.</summary>
    public static HtmlReportRun Run(string path, RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        var recorders = new List<StepRecorder>();
        var result = ScenarioRunner.RunFile(path, options with { Watcher = name => Add(recorders, name) });
        return new HtmlReportRun(result, recorders);
    }

    /// <summary>As <see cref="Run(string, RunOptions)"/>, for a scenario whose text the caller has.</summary>
    public static HtmlReportRun RunText(string path, string text, RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        var recorders = new List<StepRecorder>();
        var result = ScenarioRunner.RunText(path, text, options with { Watcher = name => Add(recorders, name) });
        return new HtmlReportRun(result, recorders);
    }

    /// <summary>Draws the recorded run as one page.</summary>
    public static HtmlReportPage Render(HtmlReportRun run, HtmlReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(options);
        var model = ReportBuilder.Build(run.Result, run.Recorders, options);
        return new HtmlReportPage(
            ReportHtml.Render(model),
            model.Steps.Count,
            model.FrameCount,
            model.Pages.Count,
            model.Large,
            model.Steps.Any(s => (s.Diff & Model.DiffKinds.Semantic) != 0),
            model.Algorithms);
    }

    /// <summary>
    /// Writes <paramref name="html"/> to <paramref name="path"/> atomically: into a temporary file
    /// beside it, then renamed over it, so that no half-written report is ever left there.
    /// </summary>
    public static void WriteFile(string path, byte[] html)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(html);
        string full = Path.GetFullPath(path);
        string temp = Path.Combine(Path.GetDirectoryName(full) ?? ".", $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            File.WriteAllBytes(temp, html);
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            try
            {
                File.Delete(temp);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }

            throw;
        }
    }

    private static StepRecorder Add(List<StepRecorder> recorders, string algorithm)
    {
        var recorder = new StepRecorder(algorithm);
        recorders.Add(recorder);
        return recorder;
    }
}
