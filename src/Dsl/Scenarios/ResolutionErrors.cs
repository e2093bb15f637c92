using MmuDsl.Dsl.Syntax;
using MmuDsl.Plugins;

namespace MmuDsl.Dsl.Scenarios;

/// <summary>
/// Why an algorithm could not be resolved, as errors: the error at the place that named it (the
/// <c>algorithms</c> statement, or none for a command-line option), then each error inside a
/// plug-in file (<c>walk.cs:LINE:COL: error: ...</c>, with its line for the caret).
/// </summary>
public static class ResolutionErrors
{
    /// <summary>The errors, of kind <see cref="ErrorKind.Algorithm"/>.</summary>
    public static IEnumerable<ScenarioError> Of(AlgorithmResolution resolved, SourceSpan? at, string? scriptText)
    {
        ArgumentNullException.ThrowIfNull(resolved);
        if (at is { } span)
        {
            yield return ScenarioError.At(new Diagnostic(span, DiagnosticSeverity.Error, resolved.Error ?? "cannot resolve the algorithm") { Kind = ErrorKind.Algorithm }, scriptText);
        }
        else if (resolved.Diagnostics.Count == 0)
        {
            yield return ScenarioError.General(ErrorKind.Algorithm, resolved.Error ?? "cannot resolve the algorithm");
        }

        foreach (var d in resolved.Diagnostics)
        {
            if (d.Line > 0 && d.Source != null)
            {
                int offset = OffsetOf(d.Source, d.Line, d.Column);
                var place = new SourceSpan(d.Path, d.Line, d.Column, offset, offset);
                yield return ScenarioError.At(new Diagnostic(place, DiagnosticSeverity.Error, d.Message) { Kind = ErrorKind.Algorithm }, d.Source);
            }
            else
            {
                yield return ScenarioError.OfFile(d.Path, ErrorKind.Algorithm, d.Message);
            }
        }
    }

    private static int OffsetOf(string text, int line, int column)
    {
        int offset = 0;
        for (int l = 1; l < line; l++)
        {
            int nl = text.IndexOf('\n', offset);
            if (nl < 0)
            {
                return text.Length;
            }

            offset = nl + 1;
        }

        return Math.Min(text.Length, offset + Math.Max(0, column - 1));
    }
}
