using System.CommandLine;
using MmuDsl.Cli.Reports;
using MmuDsl.Dsl.Scenarios;
using MmuDsl.Html;

namespace MmuDsl.Cli.Commands;

/// <summary>
/// <c>mmudsl diff FILE</c>: runs a scenario under two algorithms (legacy and recursive unless named)
/// and shows, statement by statement, where the engine state first differs: the semantic state
/// (unsync pages, synced counts, zapped pages, stat.unsync), the metadata (each page's bitmap and
/// count) and the work (walks, visits), or says that it never does.
/// </summary>
internal static class DiffCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, CliEnvironment env)
    {
        var common = new CommonOptions("text", "html");
        var html = new HtmlOptions();
        var file = new Argument<string>("FILE") { Description = "The scenario (.mmu) to run under both algorithms" };
        var command = new Command("diff", "Run a scenario under two algorithms and show where their engine states first differ (or that they never do). Exit 0 when the semantic states agree after every statement, 1 when they do not, 2 when the scenario cannot run.");
        command.Add(file);
        common.AddTo(command);
        html.AddTo(command, common.Format);
        command.SetAction(parse =>
        {
            var options = common.ToRunOptions(parse);
            var paint = common.Paint(parse, env);
            var algorithms = options.Algorithms ?? ["legacy", "recursive"];
            if (algorithms.Count != 2)
            {
                stderr.WriteLine("mmudsl: error: diff compares exactly two algorithms (e.g. -a legacy -a recursive)");
                return 2;
            }

            string path = parse.GetValue(file)!;
            if (parse.GetValue(common.Format) == "html")
            {
                return DiffHtml(path, options with { Algorithms = algorithms, TraceAll = false }, html.ToReportOptions(parse, diff: true), parse.GetValue(html.Output), stdout, stderr, paint);
            }

            var result = ScenarioRunner.RunFile(path, options with { Algorithms = algorithms, TraceAll = false }, recordSteps: true);
            if (result.Errors.Count > 0)
            {
                TextReport.WriteProblems(result, stderr, paint);
                return 2;
            }

            if (result.Runs.Count != 2)
            {
                stderr.WriteLine($"{path}: the scenario does not run under both {algorithms[0]} and {algorithms[1]} (its 'algorithms' statement narrows it)");
                return 2;
            }

            var comparison = RunComparison.Of(result);
            stdout.Write(DiffReport.Render(comparison, paint));
            return comparison.SemanticDiffers ? 1 : 0;
        });
        return command;
    }

    // The same comparison as a page: both runs side by side, opened at the first difference.
    private static int DiffHtml(string path, Dsl.Runtime.RunOptions options, HtmlReportOptions report, string? output, TextWriter stdout, TextWriter stderr, Paint paint)
    {
        var run = HtmlReport.Run(path, options);
        if (run.Result.Errors.Count > 0)
        {
            TextReport.WriteProblems(run.Result, stderr, paint);
            return 2;
        }

        if (run.Result.Runs.Count != 2)
        {
            stderr.WriteLine($"{path}: the scenario does not run under both {options.Algorithms![0]} and {options.Algorithms[1]} (its 'algorithms' statement narrows it)");
            return 2;
        }

        var page = HtmlReport.Render(run, report);
        HtmlReportFiles.Targets([path], output, out var targets);
        if (HtmlReportFiles.Write(page, targets[0], stdout) is { } error)
        {
            stderr.WriteLine($"mmudsl: error: {error}");
            return 2;
        }

        if (targets[0] != null)
        {
            stderr.WriteLine(HtmlReportFiles.Written(targets[0]!, page));
        }

        return page.SemanticDiffers ? 1 : 0;
    }
}
