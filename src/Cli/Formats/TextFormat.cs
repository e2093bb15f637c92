using MmuDsl.Cli.Reports;
using MmuDsl.Dsl.Scenarios;

namespace MmuDsl.Cli.Formats;

/// <summary><c>--format text</c> (the default): the output as it is produced, problems on standard error.</summary>
internal sealed class TextFormat : ScenarioByScenarioFormat
{
    public override string Name => "text";

    protected override bool WritesLive => true;

    protected override void Before(string path, int files, FormatContext context)
    {
        if (files > 1)
        {
            context.Stdout.WriteLine(context.Paint.Bold($"== {path}"));
        }
    }

    protected override void Print(string path, ScenarioResult result, string status, TimeSpan elapsed, FormatContext context)
    {
        context.Stdout.Flush();
        TextReport.WriteProblems(result, context.Stderr, context.Paint);
        if (result.Skipped)
        {
            context.Stderr.WriteLine($"{path}: skipped: no algorithm left to run (the 'algorithms' statement and --algorithm have none in common)");
        }
    }
}
