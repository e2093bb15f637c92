using System.Text.Json;
using MmuDsl.Dsl.Scenarios;

namespace MmuDsl.Cli.Reports;

/// <summary>
/// <c>--format json</c>: one JSON object per scenario, one a line (JSON Lines), for editors:
/// path, status, exit code, algorithms, errors, failures with their positions, and the output.
/// </summary>
internal static class JsonReport
{
    public static string Render(ScenarioResult result, string status)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("path", result.Path);
            w.WriteString("status", status);
            w.WriteNumber("exitCode", result.ExitCode);
            w.WriteStartArray("algorithms");
            foreach (var a in result.Algorithms)
            {
                w.WriteStringValue(a);
            }

            w.WriteEndArray();
            w.WriteStartArray("errors");
            foreach (var e in result.Errors)
            {
                // The rendered text as before, and the error's fields for tools: line and column as numbers.
                w.WriteStartObject();
                w.WriteString("kind", JsonNamingPolicy.KebabCaseLower.ConvertName(e.Kind.ToString()));
                if (e.Path != null)
                {
                    w.WriteString("file", e.Path);
                }

                if (e.Span != null)
                {
                    w.WriteNumber("line", e.Line);
                    w.WriteNumber("column", e.Column);
                }

                if (e.Algorithm != null)
                {
                    w.WriteString("algorithm", e.Algorithm);
                }

                w.WriteString("message", e.Message);
                w.WriteString("text", e.Render());
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("failures");
            foreach (var f in result.Failures)
            {
                w.WriteStartObject();
                w.WriteString("file", f.Span.Path);
                w.WriteNumber("line", f.Span.Line);
                w.WriteNumber("column", f.Span.Column);
                w.WriteString("kind", f.Kind.ToString().ToLowerInvariant());
                w.WriteString("algorithm", f.Algorithm);
                w.WriteString("message", f.Headline);
                w.WriteString("details", f.Details);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteString("output", result.Output);
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
