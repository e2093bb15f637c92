using System.CommandLine;
using MmuDsl.Cli.Reports;
using MmuDsl.Dsl.Runtime;
using MmuDsl.Html;

namespace MmuDsl.Cli.Formats;

/// <summary><c>--format html</c>: one self-contained page per scenario (docs/html-report.md); problems are printed as for text, and the page marks them too.</summary>
internal sealed class HtmlFormat : RunFormat
{
    private readonly HtmlOptions _html = new();

    public override string Name => "html";

    public override void AddOptions(Command command, Option<string> format) => _html.AddTo(command, format);

    public override int Run(IReadOnlyList<string> paths, RunOptions options, FormatContext context)
    {
        var report = _html.ToReportOptions(context.Parse, diff: false);
        string? usage = HtmlReportFiles.Targets(paths, context.Parse.GetValue(_html.Output), out var targets);
        if (usage != null)
        {
            context.Stderr.WriteLine($"mmudsl: error: {usage}");
            return 2;
        }

        int exit = 0;
        for (int i = 0; i < paths.Count; i++)
        {
            var run = HtmlReport.Run(paths[i], options);
            exit = Math.Max(exit, run.Result.ExitCode);
            TextReport.WriteProblems(run.Result, context.Stderr, context.Paint);
            if (!run.HasSteps)
            {
                context.Stderr.WriteLine(run.Result.Skipped
                    ? $"{paths[i]}: skipped: no algorithm left to run, so no report"
                    : $"{paths[i]}: no report written: the scenario did not run");
                continue;
            }

            var page = HtmlReport.Render(run, report);
            if (HtmlReportFiles.Write(page, targets[i], context.Stdout) is { } error)
            {
                context.Stderr.WriteLine($"mmudsl: error: {error}");
                exit = 2;
                continue;
            }

            if (targets[i] != null)
            {
                context.Stderr.WriteLine(HtmlReportFiles.Written(targets[i]!, page));
            }
        }

        return exit;
    }
}
