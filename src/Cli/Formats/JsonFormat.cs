using MmuDsl.Cli.Reports;
using MmuDsl.Dsl.Scenarios;

namespace MmuDsl.Cli.Formats;

/// <summary><c>--format json</c>: one JSON object per scenario per line (for editors and scripts).</summary>
internal sealed class JsonFormat : ScenarioByScenarioFormat
{
    public override string Name => "json";

    protected override bool WritesLive => false;

    protected override void Print(string path, ScenarioResult result, string status, TimeSpan elapsed, FormatContext context) =>
        context.Stdout.WriteLine(JsonReport.Render(result, status));
}
