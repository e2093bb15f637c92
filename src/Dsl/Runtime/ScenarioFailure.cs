using System.Text;
using MmuDsl.Dsl.Syntax;

namespace MmuDsl.Dsl.Runtime;

/// <summary>
/// A failed check: <c>FILE:LINE:COL: HEADLINE [ALGORITHM]...</c>, then detail lines (the values an
/// expectation read, the pages it read in <c>show</c> format, or a unified diff).
/// </summary>
public sealed record ScenarioFailure(SourceSpan Span, FailureKind Kind, string Algorithm, string Headline, string Details)
{
    /// <summary>The failure as printed.</summary>
    public string Render()
    {
        var sb = new StringBuilder();
        sb.Append(Span.Path).Append(':').Append(Span.Line).Append(':').Append(Span.Column).Append(": ").Append(Headline).Append('\n');
        sb.Append(Details);
        if (Details.Length > 0 && Details[^1] != '\n')
        {
            sb.Append('\n');
        }

        return sb.ToString();
    }
}
