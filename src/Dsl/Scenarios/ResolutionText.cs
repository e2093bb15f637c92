using MmuDsl.Dsl.Syntax;
using MmuDsl.Plugins;

namespace MmuDsl.Dsl.Scenarios;

/// <summary>
/// Renders why an algorithm could not be resolved: the error at the place that named it (the
/// <c>algorithms</c> statement, or a command-line option when <c>at</c> is null), then each
/// error inside a plug-in file, <c>walk.cs:LINE:COL: error: ...</c> with its line and a caret.
/// </summary>
public static class ResolutionText
{
    /// <summary>The rendered diagnostics, one string each (each ends with a line break).</summary>
    public static IEnumerable<string> Render(AlgorithmResolution resolved, SourceSpan? at, string? scriptText)
    {
        ArgumentNullException.ThrowIfNull(resolved);
        if (at is { } span)
        {
            yield return DiagnosticText.Render(new Diagnostic(span, DiagnosticSeverity.Error, resolved.Error ?? "cannot resolve the algorithm"), scriptText ?? string.Empty, null);
        }
        else if (resolved.Diagnostics.Count == 0)
        {
            yield return $"error: {resolved.Error}\n";
        }

        foreach (var d in resolved.Diagnostics)
        {
            if (d.Line > 0 && d.Source != null)
            {
                int offset = OffsetOf(d.Source, d.Line, d.Column);
                var place = new SourceSpan(d.Path, d.Line, d.Column, offset, offset);
                yield return DiagnosticText.Render(new Diagnostic(place, DiagnosticSeverity.Error, d.Message), d.Source, null);
            }
            else
            {
                yield return $"{d.Path}: error: {d.Message}\n";
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
