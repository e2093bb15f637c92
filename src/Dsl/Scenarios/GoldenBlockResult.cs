using MmuDsl.Dsl.Golden;
using MmuDsl.Dsl.Syntax;

namespace MmuDsl.Dsl.Scenarios;

/// <summary>One golden block after a run: what it expects and what each algorithm that ran its statement printed.</summary>
public sealed record GoldenBlockResult(
    ScenarioFile File,
    Statement Statement,
    GoldenExpectation Expected,
    IReadOnlyDictionary<string, string> Actual,
    IReadOnlyList<string> Mismatched)
{
    /// <summary>True when every algorithm that ran the statement printed what the block expects.</summary>
    public bool Holds => Mismatched.Count == 0;
}
