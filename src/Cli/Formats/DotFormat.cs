using MmuDsl.Cli.Reports;
using MmuDsl.Dsl.Output;
using MmuDsl.Dsl.Runtime;
using MmuDsl.Dsl.Scenarios;

namespace MmuDsl.Cli.Formats;

/// <summary>
/// <c>--format dot</c>: every <c>show</c> as a Graphviz graph (written as produced), or the final
/// tables when the scenario shows nothing; one algorithm (the first, unless named).
/// </summary>
internal sealed class DotFormat : ScenarioByScenarioFormat
{
    public override string Name => "dot";

    protected override bool WritesLive => true;

    // One picture per show: draw the first algorithm unless told otherwise.
    protected override RunOptions Prepare(RunOptions options) =>
        options.Algorithms == null ? options with { Algorithms = ["legacy"] } : options;

    protected override void Print(string path, ScenarioResult result, string status, TimeSpan elapsed, FormatContext context)
    {
        if (result.Runs.Count > 0 && result.Runs.All(r => r.Output.Count == 0))
        {
            var engine = result.Runs[0].Engine;
            context.Stdout.Write(DotPrinter.Render(Path.GetFileName(path), engine.Pages.Where(p => p.IsRoot)));
        }

        TextReport.WriteProblems(result, context.Stderr, context.Paint);
    }
}
