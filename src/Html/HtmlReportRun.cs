using MmuDsl.Dsl.Scenarios;
using MmuDsl.Html.Recording;

namespace MmuDsl.Html;

/// <summary>A scenario run with every step recorded, ready to be drawn by <see cref="HtmlReport.Render"/>.</summary>
public sealed class HtmlReportRun
{
    internal HtmlReportRun(ScenarioResult result, IReadOnlyList<StepRecorder> recorders)
    {
        Result = result;
        Recorders = recorders;
    }

    /// <summary>The scenario's result, as <c>mmudsl run</c> would judge it.</summary>
    public ScenarioResult Result { get; }

    /// <summary>True when something ran (a scenario that did not parse, or whose set of algorithms is empty, has nothing to show).</summary>
    public bool HasSteps => Result.Runs.Count > 0;

    internal IReadOnlyList<StepRecorder> Recorders { get; }
}
