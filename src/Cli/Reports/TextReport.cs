using MmuDsl.Dsl.Runtime;
using MmuDsl.Dsl.Scenarios;

namespace MmuDsl.Cli.Reports;

/// <summary>A scenario's errors and failures as text, coloured when allowed.</summary>
internal static class TextReport
{
    public static void WriteProblems(ScenarioResult result, TextWriter writer, Paint paint)
    {
        foreach (var error in result.Errors)
        {
            writer.Write(Colour(error.Render(), paint));
        }

        foreach (var note in result.Notes)
        {
            writer.Write(note);
        }

        foreach (var failure in result.Failures)
        {
            string text = failure.Render();
            int nl = text.IndexOf('\n', StringComparison.Ordinal);
            string head = nl < 0 ? text : text[..(nl + 1)];
            string rest = nl < 0 ? string.Empty : text[(nl + 1)..];
            writer.Write(paint.Bold(head.TrimEnd('\n')) + "\n");
            writer.Write(failure.Kind == FailureKind.GoldenBlock ? paint.Diff(rest) : rest);
        }
    }

    private static string Colour(string diagnostic, Paint paint)
    {
        if (!paint.Enabled)
        {
            return diagnostic;
        }

        int nl = diagnostic.IndexOf('\n', StringComparison.Ordinal);
        if (nl < 0)
        {
            return paint.Red(diagnostic);
        }

        return paint.Red(diagnostic[..nl]) + diagnostic[nl..];
    }
}
