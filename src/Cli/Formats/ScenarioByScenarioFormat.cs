using System.Diagnostics;
using MmuDsl.Dsl.Runtime;
using MmuDsl.Dsl.Scenarios;

namespace MmuDsl.Cli.Formats;

/// <summary>
/// A format that runs the files one by one and prints each result (text, JSON, JUnit, DOT): the
/// loop, the exit code and the live output are here; a format says what it prints.
/// </summary>
internal abstract class ScenarioByScenarioFormat : RunFormat
{
    /// <summary>True when the scenario's output is written as it is produced (text, DOT); false when the format needs the whole result.</summary>
    protected abstract bool WritesLive { get; }

    public sealed override int Run(IReadOnlyList<string> paths, RunOptions options, FormatContext context)
    {
        options = Prepare(options);
        int exit = 0;
        foreach (var path in paths)
        {
            Before(path, paths.Count, context);
            var clock = Stopwatch.StartNew();
            var result = ScenarioRunner.RunFile(path, options, WritesLive ? context.Stdout : null);
            clock.Stop();
            exit = Math.Max(exit, result.ExitCode);
            Print(path, result, Status(result), clock.Elapsed, context);
        }

        End(context);
        return exit;
    }

    /// <summary>passed, failed, error or skipped.</summary>
    public static string Status(ScenarioResult result) =>
        result.Skipped ? "skipped" : result.ExitCode switch { 0 => "passed", 1 => "failed", _ => "error" };

    /// <summary>The run options the format needs (DOT draws one algorithm).</summary>
    protected virtual RunOptions Prepare(RunOptions options) => options;

    /// <summary>Printed before a file runs.</summary>
    protected virtual void Before(string path, int files, FormatContext context)
    {
    }

    /// <summary>Prints one file's result.</summary>
    protected abstract void Print(string path, ScenarioResult result, string status, TimeSpan elapsed, FormatContext context);

    /// <summary>Printed after the last file.</summary>
    protected virtual void End(FormatContext context)
    {
    }
}
