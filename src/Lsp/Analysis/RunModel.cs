using MmuDsl.Dsl.Scenarios;

namespace MmuDsl.Lsp.Analysis;

/// <summary>
/// A document version run (or not: a file with syntax errors is not run): the diagnostics to
/// publish, the runner's result, and what each algorithm's run recorded for hover.
/// </summary>
internal sealed class RunModel
{
    public RunModel(SyntaxModel syntax, ScenarioResult? result, StepRecorder steps, IReadOnlyList<Protocol.Diagnostic> diagnostics, TimeSpan elapsed)
    {
        Syntax = syntax;
        Result = result;
        Steps = steps;
        Diagnostics = diagnostics;
        Elapsed = elapsed;
    }

    public SyntaxModel Syntax { get; }

    /// <summary>Null when the file was not run (syntax errors).</summary>
    public ScenarioResult? Result { get; }

    public StepRecorder Steps { get; }

    public IReadOnlyList<Protocol.Diagnostic> Diagnostics { get; }

    public TimeSpan Elapsed { get; }

    /// <summary>The algorithms that ran, in order.</summary>
    public IReadOnlyList<string> Algorithms => Result?.Algorithms ?? [];
}
