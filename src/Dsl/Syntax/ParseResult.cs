using System.Collections.Immutable;

namespace MmuDsl.Dsl.Syntax;

/// <summary>
/// What <see cref="ScenarioParser.Parse(string, string, ParseOptions)"/> found: the syntax tree and
/// every diagnostic, in source order. When there are errors, the tree holds the statements that
/// parsed and leaves out those that did not; do not run it.
/// </summary>
public sealed record ParseResult(ScenarioFile File, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>True when some diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
