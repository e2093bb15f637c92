using MmuDsl.Dsl.Syntax;

namespace MmuDsl.Dsl.Golden;

/// <summary>
/// One golden block after a run: what it expects, what each algorithm that ran its statement
/// printed, the algorithms whose text did not match, the block's problems (each an error of the
/// run: a section that may not stand there, a line that cannot be read), and the texts kept for
/// the algorithms the command line left out of this run (not checked, kept by a rewrite).
/// </summary>
public sealed record GoldenBlockResult(
    ScenarioFile File,
    Statement Statement,
    GoldenExpectation Expected,
    IReadOnlyDictionary<string, string> Actual,
    IReadOnlyList<string> Mismatched)
{
    /// <summary>The block's problems, as diagnostics at their lines.</summary>
    public IReadOnlyList<Diagnostic> Problems { get; init; } = [];

    /// <summary>Expected texts of algorithms the command line excluded from this run, by name, in block order.</summary>
    public IReadOnlyDictionary<string, string> Unchecked { get; init; } = new Dictionary<string, string>();

    /// <summary>True when every algorithm that ran the statement printed what the block expects, and the block has no problem.</summary>
    public bool Holds => Mismatched.Count == 0 && Problems.Count == 0;
}
