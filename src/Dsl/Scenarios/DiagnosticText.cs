using System.Text;
using MmuDsl.Dsl.Syntax;

namespace MmuDsl.Dsl.Scenarios;

/// <summary>
/// Renders a diagnostic as <c>FILE:LINE:COL: error[ [ALGORITHM]]: MESSAGE</c>, the source line,
/// and a caret under the column (tabs kept, so the caret lines up in a terminal). Characters that
/// are not printable show as <c>U+XXXX</c> (<see cref="Printable"/>).
/// </summary>
public static class DiagnosticText
{
    /// <summary>The diagnostic as printed; <paramref name="algorithm"/> tags an error that happened under one algorithm only.</summary>
    public static string Render(Diagnostic diagnostic, string source, string? algorithm)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        ArgumentNullException.ThrowIfNull(source);
        var span = diagnostic.Span;
        string severity = diagnostic.Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Note => "note",
            _ => "warning",
        };
        var sb = new StringBuilder();
        sb.Append(span.Path).Append(':').Append(span.Line).Append(':').Append(span.Column).Append(": ").Append(severity);
        if (algorithm != null)
        {
            sb.Append(" [").Append(algorithm).Append(']');
        }

        sb.Append(": ").Append(Printable.Text(diagnostic.Message)).Append('\n');
        string? line = SourceLine(source, span.Line);
        if (line != null)
        {
            var (shown, caret) = Printable.Excerpt(line, Math.Max(1, span.Column));
            sb.Append(shown).Append('\n').Append(caret).Append('\n');
        }

        return sb.ToString();
    }

    private static string? SourceLine(string source, int lineNumber)
    {
        if (lineNumber < 1)
        {
            return null;
        }

        int line = 1;
        int start = 0;
        while (line < lineNumber)
        {
            int nl = source.IndexOf('\n', start);
            if (nl < 0)
            {
                return null;
            }

            start = nl + 1;
            line++;
        }

        int end = source.IndexOf('\n', start);
        string text = end < 0 ? source[start..] : source[start..end];
        return text.TrimEnd('\r');
    }
}
