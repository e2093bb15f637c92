using MmuDsl.Dsl.Syntax;

namespace MmuDsl.Dsl.Scenarios;

/// <summary>
/// Renders a diagnostic as <c>FILE:LINE:COL: error[ [ALGORITHM]]: MESSAGE</c>, the source line,
/// and a caret under the column; one renderer with <see cref="ScenarioError.Render()"/>.
/// </summary>
public static class DiagnosticText
{
    /// <summary>The diagnostic as printed; <paramref name="algorithm"/> tags what happened under one algorithm only.</summary>
    public static string Render(Diagnostic diagnostic, string source, string? algorithm)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        ArgumentNullException.ThrowIfNull(source);
        string severity = diagnostic.Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Note => "note",
            _ => "warning",
        };
        return ScenarioError.At(diagnostic, source, algorithm).Render(severity);
    }
}
