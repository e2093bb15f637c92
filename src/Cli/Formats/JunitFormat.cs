using MmuDsl.Cli.Reports;
using MmuDsl.Dsl.Scenarios;

namespace MmuDsl.Cli.Formats;

/// <summary><c>--format junit</c>: one JUnit XML document for all the scenarios, at the end.</summary>
internal sealed class JunitFormat : ScenarioByScenarioFormat
{
    private readonly List<(ScenarioResult, string, TimeSpan)> _cases = [];

    public override string Name => "junit";

    protected override bool WritesLive => false;

    protected override void Print(string path, ScenarioResult result, string status, TimeSpan elapsed, FormatContext context) =>
        _cases.Add((result, status, elapsed));

    protected override void End(FormatContext context) => context.Stdout.Write(JunitReport.Render(_cases));
}
