using System.CommandLine;
using System.Diagnostics;
using MmuDsl.Cli.Reports;
using MmuDsl.Dsl.Output;
using MmuDsl.Dsl.Scenarios;
using MmuDsl.Html;

namespace MmuDsl.Cli.Commands;

/// <summary><c>mmudsl run FILE...</c>: runs scenarios and prints their output.</summary>
internal static class RunCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, CliEnvironment env)
    {
        var common = new CommonOptions("text", "json", "junit", "dot", "html");
        var html = new HtmlOptions();
        var files = new Argument<string[]>("FILE") { Description = "Scenario files (.mmu) to run", Arity = ArgumentArity.OneOrMore };
        var command = new Command("run", "Run scenarios and print their output; where the algorithms print differently, one section per algorithm. Exit 0 if everything held, 1 if an expectation or golden block failed, 2 if a scenario could not be parsed or run.");
        command.Add(files);
        common.AddTo(command);
        html.AddTo(command, common.Format);
        command.SetAction(parse =>
        {
            var options = common.ToRunOptions(parse);
            string format = parse.GetValue(common.Format)!;
            var paint = common.Paint(parse, env);
            var paths = parse.GetValue(files)!;
            if (format == "html")
            {
                return RunHtml(paths, options, html.ToReportOptions(parse, diff: false), parse.GetValue(html.Output), stdout, stderr, paint);
            }

            if (format == "dot" && options.Algorithms == null)
            {
                // One picture per show: draw the first algorithm unless told otherwise.
                options = options with { Algorithms = ["legacy"] };
            }

            int exit = 0;
            var junit = new List<(ScenarioResult, string, TimeSpan)>();
            foreach (var path in paths)
            {
                if (format == "text" && paths.Length > 1)
                {
                    stdout.WriteLine(paint.Bold($"== {path}"));
                }

                // Text and DOT are written as they are produced; JSON and JUnit need the whole.
                var clock = Stopwatch.StartNew();
                var result = ScenarioRunner.RunFile(path, options, format is "text" or "dot" ? stdout : null);
                clock.Stop();
                exit = Math.Max(exit, result.ExitCode);
                string status = Status(result);
                switch (format)
                {
                    case "json":
                        stdout.WriteLine(JsonReport.Render(result, status));
                        break;
                    case "junit":
                        junit.Add((result, status, clock.Elapsed));
                        break;
                    case "dot":
                        if (result.Runs.Count > 0 && result.Runs.All(r => r.Output.Count == 0))
                        {
                            var engine = result.Runs[0].Engine;
                            stdout.Write(DotPrinter.Render(Path.GetFileName(path), engine.Pages.Where(p => p.IsRoot)));
                        }

                        TextReport.WriteProblems(result, stderr, paint);
                        break;
                    default:
                        stdout.Flush();
                        TextReport.WriteProblems(result, stderr, paint);
                        if (result.Skipped)
                        {
                            stderr.WriteLine($"{path}: skipped: no algorithm left to run (the 'algorithms' statement and --algorithm have none in common)");
                        }

                        break;
                }
            }

            if (format == "junit")
            {
                stdout.Write(JunitReport.Render(junit));
            }

            return exit;
        });
        return command;
    }

    // One page per scenario; what failed is printed as for text, and the page marks it too.
    private static int RunHtml(string[] paths, Dsl.Runtime.RunOptions options, HtmlReportOptions report, string? output, TextWriter stdout, TextWriter stderr, Paint paint)
    {
        string? usage = HtmlReportFiles.Targets(paths, output, out var targets);
        if (usage != null)
        {
            stderr.WriteLine($"mmudsl: error: {usage}");
            return 2;
        }

        int exit = 0;
        for (int i = 0; i < paths.Length; i++)
        {
            var run = HtmlReport.Run(paths[i], options);
            exit = Math.Max(exit, run.Result.ExitCode);
            TextReport.WriteProblems(run.Result, stderr, paint);
            if (!run.HasSteps)
            {
                stderr.WriteLine(run.Result.Skipped
                    ? $"{paths[i]}: skipped: no algorithm left to run, so no report"
                    : $"{paths[i]}: no report written: the scenario did not run");
                continue;
            }

            var page = HtmlReport.Render(run, report);
            if (HtmlReportFiles.Write(page, targets[i], stdout) is { } error)
            {
                stderr.WriteLine($"mmudsl: error: {error}");
                exit = 2;
                continue;
            }

            if (targets[i] != null)
            {
                stderr.WriteLine(HtmlReportFiles.Written(targets[i]!, page));
            }
        }

        return exit;
    }

    public static string Status(ScenarioResult result) =>
        result.Skipped ? "skipped" : result.ExitCode switch { 0 => "passed", 1 => "failed", _ => "error" };
}
