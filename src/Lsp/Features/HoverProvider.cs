using System.Globalization;
using System.Text;
using MmuDsl.Dsl.Syntax;
using MmuDsl.Lsp.Analysis;
using MmuDsl.Lsp.Protocol;

namespace MmuDsl.Lsp.Features;

/// <summary>
/// textDocument/hover. On a page name: the page's <c>show</c> line after that statement, for each
/// algorithm (the last time the statement ran); on a field (<c>R.unsync_children</c>) or a counter
/// (<c>stat.walks</c>): its value there; on a statement word or keyword: its line of doc.
/// </summary>
internal static class HoverProvider
{
    public static Hover? Hover(SyntaxModel syntax, RunModel? run, Position position)
    {
        int offset = syntax.Document.Lines.OffsetOf(position);
        var path = SyntaxNodes.PathTo(syntax.File, offset);
        if (path.Count == 0)
        {
            return null;
        }

        var statement = path.OfType<Statement>().Last();
        var innermost = path[^1];
        if (path.OfType<FieldExpr>().LastOrDefault() is { } field && ReferenceEquals(innermost, field.Field))
        {
            return Values(syntax, run, statement, field.Page, field.Span, $"{SyntaxPrinter.Print(field.Page)}.{field.Field.Name}", p => p.Found ? p.Page.Field(field.Field.Name) ?? "(no such field)" : null);
        }

        if (path.OfType<StatExpr>().LastOrDefault() is { } stat)
        {
            return Values(syntax, run, statement, stat, stat.Span, $"stat.{stat.Counter.Name}", p => FieldNames.Counter(p.Stats, stat.Counter.Name)?.ToString(CultureInfo.InvariantCulture) ?? "(no such counter)");
        }

        if (path.OfType<PageName>().LastOrDefault() is { } name)
        {
            return Page(syntax, run, statement, name);
        }

        if (innermost is Statement)
        {
            var (start, end) = WordAt(syntax.Document.Text, offset);
            string word = syntax.Document.Text[start..end];
            if (KeywordDocs.All.TryGetValue(word, out var doc))
            {
                return new Hover(new MarkupContent("markdown", doc), syntax.Document.Lines.RangeOf(start, end));
            }
        }

        return null;
    }

    /// <summary>The word (letters, digits, <c>_</c>, <c>-</c>) around <paramref name="offset"/>.</summary>
    public static (int Start, int End) WordAt(string text, int offset)
    {
        static bool IsWord(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-';
        int start = Math.Clamp(offset, 0, text.Length);
        int end = start;
        while (start > 0 && IsWord(text[start - 1]))
        {
            start--;
        }

        while (end < text.Length && IsWord(text[end]))
        {
            end++;
        }

        return (start, end);
    }

    private static Hover Page(SyntaxModel syntax, RunModel? run, Statement statement, PageName name)
    {
        string written = SyntaxPrinter.Print(name);
        return Rows(syntax, run, statement, name, name.Span, written, p =>
        {
            if (!p.Found)
            {
                return p.Name == null ? "(the name could not be built)" : $"no page named {p.Name}";
            }

            return name.LiteralText == null ? $"{p.Page.ShowLine()}   ({written} = {p.Name})" : p.Page.ShowLine();
        });
    }

    private static Hover Values(SyntaxModel syntax, RunModel? run, Statement statement, object node, SourceSpan span, string label, Func<Probe, string?> value) =>
        Rows(syntax, run, statement, node, span, label, p => value(p) is { } v ? $"{label} = {v}" : $"no page named {p.Name}");

    private static Hover Rows(SyntaxModel syntax, RunModel? run, Statement statement, object node, SourceSpan span, string label, Func<Probe, string> describe)
    {
        int line = syntax.Document.Lines.LineOf(statement.Span.Start) + 1;
        var sb = new StringBuilder();
        string source = syntax.Document.Text[statement.Span.Start..statement.Span.End];
        int nl = source.IndexOfAny(['\r', '\n']);
        source = nl < 0 ? source : source[..nl];
        sb.Append("**").Append(label).Append("** after line ").Append(line).Append(", `").Append(source.Length > 60 ? source[..57] + "..." : source).Append('`');
        if (run?.Result == null)
        {
            sb.Append("\n\n").Append(syntax.Parse.HasErrors ? "(not run: the file has syntax errors)" : "(not run)");
            return new Hover(new MarkupContent("markdown", sb.ToString()), syntax.Document.Lines.RangeOf(span.Start, span.End));
        }

        var rows = new List<(string Algorithm, string Text)>();
        long executions = 0;
        foreach (var algorithm in run.Algorithms)
        {
            if (run.Steps.At(algorithm, node) is { } probe)
            {
                executions = Math.Max(executions, probe.Executions);
                rows.Add((algorithm, describe(probe)));
            }
            else
            {
                var stop = run.Result.Runs.FirstOrDefault(r => r.Algorithm == algorithm && r.Errors.Count > 0)?.Errors[^1];
                rows.Add((algorithm, stop is { } s && s.Span.Path == syntax.Document.Path
                    ? $"(not run here: the run stopped at line {syntax.Document.Lines.LineOf(s.Span.Start) + 1})"
                    : "(not run here)"));
            }
        }

        if (executions > 1)
        {
            sb.Append(", the last of its ").Append(executions.ToString(CultureInfo.InvariantCulture)).Append(" runs");
        }

        if (rows.Count == 0)
        {
            sb.Append("\n\n(no algorithm ran)");
        }
        else
        {
            var groups = rows.GroupBy(r => r.Text).Select(g => (Names: string.Join(", ", g.Select(r => r.Algorithm)), Text: g.Key)).ToList();
            int width = groups.Max(g => g.Names.Length);
            sb.Append("\n```text\n");
            foreach (var (names, text) in groups)
            {
                sb.Append(names.PadRight(width)).Append("  ").Append(text).Append('\n');
            }

            sb.Append("```");
        }

        return new Hover(new MarkupContent("markdown", sb.ToString()), syntax.Document.Lines.RangeOf(span.Start, span.End));
    }
}
