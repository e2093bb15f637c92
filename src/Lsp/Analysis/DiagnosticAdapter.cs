using System.Globalization;
using MmuDsl.Dsl.Runtime;
using MmuDsl.Dsl.Scenarios;
using MmuDsl.Dsl.Syntax;
using MmuDsl.Lsp.Protocol;
using DslSeverity = MmuDsl.Dsl.Syntax.DiagnosticSeverity;
using LspDiagnostic = MmuDsl.Lsp.Protocol.Diagnostic;
using LspSeverity = MmuDsl.Lsp.Protocol.DiagnosticSeverity;

namespace MmuDsl.Lsp.Analysis;

/// <summary>
/// The one place where the runner's outcome becomes LSP diagnostics. It reads the structured
/// values: the parser's diagnostics, each run's error diagnostics (tagged with the algorithm when
/// the runs do not all stop on the same errors), the failures with their spans (expectations,
/// invariants, golden blocks, warnings: one diagnostic when every algorithm failed alike, else one
/// per algorithm); errors found before any run (an unknown name in <c>algorithms</c>, a plug-in
/// that does not compile, a crash) come from <see cref="ScenarioResult.Errors"/>, values with
/// their span and kind.
/// </summary>
internal static class DiagnosticAdapter
{
    public const string Source = "mmudsl";

    public static IReadOnlyList<LspDiagnostic> From(SyntaxModel syntax, ScenarioResult? result, TimeSpan budget)
    {
        var list = new List<LspDiagnostic>();
        foreach (var d in syntax.Parse.Diagnostics)
        {
            list.Add(Make(syntax, d.Span, d.Severity == DslSeverity.Error ? LspSeverity.Error : LspSeverity.Warning, d.Message, "syntax"));
        }

        if (result == null)
        {
            return list;
        }

        if (result.Runs.Count == 0)
        {
            list.AddRange(result.Errors.Select(e => FromError(syntax, e)));
            return list;
        }

        AddRunErrors(list, syntax, result, budget);
        AddFailures(list, syntax, result);
        return list;
    }

    private static void AddRunErrors(List<LspDiagnostic> list, SyntaxModel syntax, ScenarioResult result, TimeSpan budget)
    {
        var withErrors = result.Runs.Where(r => r.Errors.Count > 0).ToList();
        var stops = withErrors.Where(r => r.Cancelled).Select(r => (r.Algorithm, Span: r.Errors[^1].Span)).ToList();
        bool same = withErrors.Count == result.Runs.Count && withErrors.All(r => r.Errors.SequenceEqual(withErrors[0].Errors));
        foreach (var run in same ? withErrors.Take(1) : withErrors)
        {
            string? tag = same ? null : run.Algorithm;
            int count = run.Cancelled ? run.Errors.Count - 1 : run.Errors.Count;
            foreach (var d in run.Errors.Take(count))
            {
                string message = tag == null ? d.Message : $"[{tag}] {d.Message}";
                list.Add(Make(syntax, d.Span, d.Severity == DslSeverity.Error ? LspSeverity.Error : LspSeverity.Warning, message, "runtime"));
            }
        }

        if (stops.Count > 0)
        {
            list.Add(BudgetStop(syntax, stops, result.Runs.Count, budget));
        }
    }

    /// <summary>
    /// One warning where the time budget stopped the runs: at the statement the first stopped run
    /// was running (the budget covers all algorithms together, so a later one may have been
    /// stopped at its start).
    /// </summary>
    private static LspDiagnostic BudgetStop(SyntaxModel syntax, List<(string Algorithm, SourceSpan Span)> stops, int runs, TimeSpan budget)
    {
        var (first, span) = stops[0];
        string who = stops.Count == runs && stops.All(s => s.Span == span) ? "the run" : $"the {first} run";
        string others = string.Concat(stops.Skip(1).Where(s => s.Span != span).Select(s => $"; {s.Algorithm} stopped at line {s.Span.Line}"));
        string message = string.Create(
            CultureInfo.InvariantCulture,
            $"not checked past here: {who} was stopped at this statement when the editor's time budget ({budget.TotalMilliseconds:0} ms per run, all algorithms together) ran out{others}. `mmudsl run` runs the file to the end");
        return Make(syntax, span, LspSeverity.Warning, message, "time-budget");
    }

    private static void AddFailures(List<LspDiagnostic> list, SyntaxModel syntax, ScenarioResult result)
    {
        var groups = result.Failures.GroupBy(f => (f.Span.Path, f.Span.Start, f.Span.End, f.Kind, Headline: Untagged(f), f.Details));
        foreach (var group in groups)
        {
            var failures = group.ToList();
            bool everyAlgorithm = result.Algorithms.Count > 1 && result.Algorithms.All(a => failures.Any(f => f.Algorithm == a));
            foreach (var failure in everyAlgorithm ? failures.Take(1) : failures)
            {
                string headline = everyAlgorithm ? group.Key.Headline : failure.Headline;
                string details = failure.Details.TrimEnd();
                string message = details.Length == 0 ? headline : headline + "\n" + details;
                var span = failure.Kind == FailureKind.GoldenBlock ? GoldenBlockOf(syntax, failure.Span) ?? failure.Span : failure.Span;
                list.Add(Make(syntax, span, LspSeverity.Error, message, Code(failure.Kind)));
            }
        }
    }

    private static string Untagged(ScenarioFailure failure) =>
        failure.Headline.Replace($" [{failure.Algorithm}]", string.Empty, StringComparison.Ordinal);

    private static string Code(FailureKind kind) => kind switch
    {
        FailureKind.Expectation => "expectation",
        FailureKind.Invariants => "invariants",
        FailureKind.GoldenBlock => "golden-block",
        _ => "warning",
    };

    /// <summary>The golden block of the statement at <paramref name="statementSpan"/>, without its last line break.</summary>
    private static SourceSpan? GoldenBlockOf(SyntaxModel syntax, SourceSpan statementSpan)
    {
        var statement = SyntaxNodes.All(syntax.File).OfType<Statement>().FirstOrDefault(s => s.Span == statementSpan && s.Golden != null);
        if (statement?.Golden is not { } golden)
        {
            return null;
        }

        string text = syntax.File.Text;
        int end = golden.Span.End;
        while (end > golden.Span.Start && text[end - 1] is '\n' or '\r')
        {
            end--;
        }

        return golden.Span with { End = end };
    }

    private static LspDiagnostic Make(SyntaxModel syntax, SourceSpan span, LspSeverity severity, string message, string code)
    {
        if (span.Path == syntax.Document.Path || string.IsNullOrEmpty(span.Path))
        {
            return new LspDiagnostic(RangeOf(syntax, span), severity, message, Source, code);
        }

        // A place in an included file: shown on the include that leads there, pointing at it.
        var include = SyntaxNodes.All(syntax.File).OfType<IncludeStatement>()
            .OrderBy(i => IncludeResolver.Resolve(i) == span.Path ? 0 : 1)
            .FirstOrDefault();
        var anchor = include?.Path.Span ?? new SourceSpan(syntax.Document.Path, 1, 1, 0, 0);
        var otherLines = syntax.LinesOf(span.Path);
        var otherRange = otherLines != null
            ? otherLines.RangeOf(span.Start, span.End)
            : new Protocol.Range(new Position(Math.Max(0, span.Line - 1), Math.Max(0, span.Column - 1)), new Position(Math.Max(0, span.Line - 1), Math.Max(0, span.Column - 1)));
        string where = $"{Path.GetFileName(span.Path)}:{span.Line}:{span.Column}";
        return new LspDiagnostic(
            RangeOf(syntax, anchor),
            severity,
            $"in {where}: {message}",
            Source,
            code,
            [new DiagnosticRelatedInformation(new Location(syntax.UriOf(span.Path), otherRange), message)]);
    }

    /// <summary>The span's range; an empty span is widened to the character it stands on, so that editors show it.</summary>
    private static Protocol.Range RangeOf(SyntaxModel syntax, SourceSpan span)
    {
        string text = syntax.Document.Text;
        int start = Math.Clamp(span.Start, 0, text.Length);
        int end = Math.Clamp(span.End, start, text.Length);
        if (end == start && start < text.Length && text[start] is not ('\n' or '\r'))
        {
            end = start + 1;
        }

        return syntax.Document.Lines.RangeOf(start, end);
    }

    /// <summary>An error found before any run: at its span in this document, else at the document's start, saying where.</summary>
    private static LspDiagnostic FromError(SyntaxModel syntax, ScenarioError error)
    {
        string path = syntax.Document.Path;
        string code = error.Kind.ToString();
        if (error.Span is { } span && string.Equals(span.Path, path, StringComparison.Ordinal))
        {
            int end = span.End;
            string text = syntax.Document.Text;
            if (end <= span.Start)
            {
                // A point: widen it to the word it stands on.
                end = Math.Clamp(span.Start, 0, text.Length);
                while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '_' or '-'))
                {
                    end++;
                }
            }

            return Make(syntax, span with { End = end }, LspSeverity.Error, error.Message, code);
        }

        // Elsewhere (a plug-in file, the command line): at the start, with where it is.
        string where = error.Path == null ? string.Empty : error.Span is { } other ? $"{error.Path}:{other.Line}:{other.Column}: " : $"{error.Path}: ";
        return Make(syntax, new SourceSpan(path, 1, 1, 0, 0), LspSeverity.Error, where + error.Message, code);
    }

}
