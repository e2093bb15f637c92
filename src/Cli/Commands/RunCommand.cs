using System.CommandLine;
using System.Diagnostics;
using MmuDsl.Cli.Reports;
using MmuDsl.Dsl.Output;
using MmuDsl.Dsl.Scenarios;

namespace MmuDsl.Cli.Commands;

/// <summary><c>mmudsl run FILE...</c>: runs scenarios and prints their output.</summary>
internal static class RunCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, CliEnvironment env)
    {
        var common = new CommonOptions("text", "json", "junit", "dot");
        var files = new Argument<string[]>("FILE") { Description = "Scenario files (.mmu) to run", Arity = ArgumentArity.OneOrMore };
        var command = new Command("run", "Run scenarios and print their output; where the algorithms print differently, one section per algorithm. Exit 0 if everything held, 1 if an expectation or golden block failed, 2 if a scenario could not be parsed or run.");
        command.Add(files);
        common.AddTo(command);
        command.SetAction(parse =>
        {
            var options = common.ToRunOptions(parse);
            string format = parse.GetValue(common.Format)!;
            var paint = common.Paint(parse, env);
            var paths = parse.GetValue(files)!;
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

    public static string Status(ScenarioResult result) =>
        result.Skipped ? "skipped" : result.ExitCode switch { 0 => "passed", 1 => "failed", _ => "error" };
}
