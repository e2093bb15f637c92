using System.CommandLine;
using System.Diagnostics;
using MmuDsl.Cli.Formats;
using MmuDsl.Cli.Reports;
using MmuDsl.Dsl.Golden;
using MmuDsl.Dsl.Runtime;
using MmuDsl.Dsl.Scenarios;
using MmuDsl.Dsl.Sources;
using MmuDsl.Dsl.Syntax;

namespace MmuDsl.Cli.Commands;

/// <summary>
/// <c>mmudsl test [PATH...]</c>: runs every <c>.mmu</c> under the paths as a golden test and ends
/// with <c>N passed, N failed</c>. <c>--rewrite</c> writes actual output into golden blocks (never on CI).
/// </summary>
internal static class TestCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, CliEnvironment env)
    {
        var common = new CommonOptions("text", "json", "junit");
        var paths = new Argument<string[]>("PATH") { Description = "Files or folders to search for .mmu files (default: scenarios/)", Arity = ArgumentArity.ZeroOrMore };
        var rewrite = new Option<bool>("--rewrite") { Description = "Write the actual output into the golden blocks (refused when CI is set). Touches nothing but the blocks." };
        var filter = new Option<string?>("--filter") { Description = "Only the files whose path contains TEXT" };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Text format: one line per file (PASS, SKIP or FAIL, the algorithms run, the time), not only the failures" };
        var command = new Command("test", "Run scenarios as golden tests: every .mmu under the paths. Ends with 'N passed, N failed'. Exit 0 if all passed, 1 if any failed, 2 if any could not be parsed or run.");
        command.Add(paths);
        command.Add(rewrite);
        command.Add(filter);
        command.Add(verbose);
        common.AddTo(command);
        command.SetAction(parse =>
        {
            var options = common.ToRunOptions(parse) with { RequireGoldenSections = true };
            string format = parse.GetValue(common.Format)!;
            var paint = common.Paint(parse, env);
            bool doRewrite = parse.GetValue(rewrite);
            bool listAll = parse.GetValue(verbose);
            if (doRewrite && env.IsCi)
            {
                stderr.WriteLine("mmudsl: error: refusing to --rewrite golden blocks because CI is set: golden files are never accepted silently on CI. Rewrite locally and commit the result.");
                return 2;
            }

            var roots = parse.GetValue(paths) is { Length: > 0 } given ? given : ["scenarios"];
            var found = new List<string>();
            foreach (var root in roots)
            {
                switch (FileStatus.Of(root).Kind)
                {
                    case FileKind.Directory:
                        found.AddRange(ScenarioFolder.Find(root, warning => stderr.WriteLine($"mmudsl: warning: {warning}")));
                        break;
                    case FileKind.Missing:
                        stderr.WriteLine($"mmudsl: error: no such file or folder: {root}");
                        return 2;
                    default:
                        // A file, whatever its kind: running it says why it cannot be read.
                        found.Add(root);
                        break;
                }
            }

            if (parse.GetValue(filter) is { } text)
            {
                found = found.Where(f => f.Contains(text, StringComparison.Ordinal)).ToList();
            }

            if (doRewrite)
            {
                foreach (string folder in found.Select(f => Path.GetDirectoryName(Path.GetFullPath(f)) ?? ".").Distinct(StringComparer.Ordinal))
                {
                    RemoveStaleTemporaries(folder, stdout);
                }
            }

            int passed = 0, failed = 0, skipped = 0, exit = 0;
            var junit = new List<(ScenarioResult, string, TimeSpan)>();
            foreach (var file in found.Distinct())
            {
                var clock = Stopwatch.StartNew();
                var result = ScenarioRunner.RunFile(file, options);
                if (doRewrite)
                {
                    result = Rewrite(file, result, options, stdout, stderr);
                }

                clock.Stop();
                string status = ScenarioByScenarioFormat.Status(result);
                switch (status)
                {
                    case "passed":
                        passed++;
                        break;
                    case "skipped":
                        skipped++;
                        break;
                    default:
                        failed++;
                        exit = Math.Max(exit, result.ExitCode);
                        break;
                }

                if (format == "json")
                {
                    stdout.WriteLine(JsonReport.Render(result, status));
                }
                else if (format == "junit")
                {
                    junit.Add((result, status, clock.Elapsed));
                }
                else if (status is "failed" or "error")
                {
                    stdout.WriteLine($"{paint.Red("FAIL")} {file}{(listAll ? Details(result, clock.Elapsed) : string.Empty)}");
                    TextReport.WriteProblems(result, stdout, paint);
                }
                else if (listAll)
                {
                    stdout.WriteLine($"{(status == "passed" ? paint.Green("PASS") : paint.Yellow("SKIP"))} {file}{Details(result, clock.Elapsed)}");
                }
            }

            string totals = $"{passed} passed, {failed} failed" + (skipped > 0 ? $", {skipped} skipped" : string.Empty);
            if (format == "junit")
            {
                stdout.Write(JunitReport.Render(junit));
                stderr.WriteLine(totals);
            }
            else if (format == "json")
            {
                stderr.WriteLine(totals);
            }
            else
            {
                stdout.WriteLine(failed > 0 ? paint.Red(totals) : paint.Green(totals));
            }

            return exit;
        });
        return command;
    }

    // " (legacy, recursive; 12 ms)": what ran and how long it took.
    private static string Details(ScenarioResult result, TimeSpan elapsed) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, " ({0}; {1:0} ms)", result.Algorithms.Count == 0 ? "no algorithm" : string.Join(", ", result.Algorithms), elapsed.TotalMilliseconds);

    private static ScenarioResult Rewrite(string file, ScenarioResult result, RunOptions options, TextWriter stdout, TextWriter stderr)
    {
        if (result.StoppedOnError)
        {
            stderr.WriteLine($"{file}: not rewritten: the run stopped on an error");
            return result;
        }

        var plans = GoldenRewriter.Plan(result);
        if (plans.Count == 0)
        {
            return result;
        }

        bool allWritten = true;
        foreach (var plan in plans)
        {
            RemoveStaleTemporaries(Path.GetDirectoryName(Path.GetFullPath(plan.Path)) ?? ".", stdout);
            var outcome = GoldenRewriter.Apply(plan);
            if (!outcome.Written)
            {
                // This file's error; the run goes on with the next file and ends with its summary.
                result.Errors.Add(ScenarioError.OfFile(plan.Path, ErrorKind.Rewrite, $"cannot rewrite it: {outcome.Error}"));
                allWritten = false;
                continue;
            }

            stdout.WriteLine($"rewrote {plan.Path}{(outcome.Target != Path.GetFullPath(plan.Path) ? $" (the target of the link, {outcome.Target})" : string.Empty)}: golden block{(plan.ChangedBlockLines.Count == 1 ? string.Empty : "s")} of line{(plan.ChangedBlockLines.Count == 1 ? string.Empty : "s")} {string.Join(", ", plan.ChangedBlockLines)}");
            if (outcome.Note != null)
            {
                stderr.WriteLine($"mmudsl: warning: {outcome.Note}");
            }
        }

        // Judge the file as it now stands.
        return allWritten ? ScenarioRunner.RunFile(file, options) : result;
    }

    /// <summary>Removes the temporary files a killed rewrite left in <paramref name="directory"/> (issue 14, item 10).</summary>
    internal static void RemoveStaleTemporaries(string directory, TextWriter stdout)
    {
        foreach (string removed in RewriteFile.RemoveStaleTemporaries(directory))
        {
            stdout.WriteLine($"removed {removed}: left by a rewrite whose process is gone");
        }
    }
}
