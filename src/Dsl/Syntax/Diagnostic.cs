namespace MmuDsl.Dsl.Syntax;

/// <summary>A message about a place in a source file: a value, collected and reported together.</summary>
public sealed record Diagnostic(SourceSpan Span, DiagnosticSeverity Severity, string Message)
{
    /// <summary>For an error, what kind it is (the parser's are <see cref="ErrorKind.Syntax"/>).</summary>
    public ErrorKind Kind { get; init; } = ErrorKind.Syntax;

    /// <summary>
    /// <c>FILE:LINE:COL: error: MESSAGE</c>, then the source line and a caret under the column
    /// (see <see cref="SourceSpan.Excerpt"/>), lines separated by <c>\n</c>, no final line break.
    /// </summary>
    public string Render(string sourceText)
    {
        string severity = Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Note => "note",
            _ => "warning",
        };
        return $"{Span.Path}:{Span.Line}:{Span.Column}: {severity}: {Printable.Text(Message)}\n{Span.Excerpt(sourceText)}";
    }
}
