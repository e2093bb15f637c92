using System.Text;
using MmuDsl.Dsl.Syntax;
using MmuDsl.Lsp.Analysis;
using MmuDsl.Lsp.Protocol;

namespace MmuDsl.Lsp.Features;

/// <summary>
/// textDocument/formatting through the syntax printer, only when the file parses: each statement's
/// text becomes the printer's (spacing, literals, parentheses), each line is indented by its
/// block depth. Comments, blank lines and golden blocks are kept as written (the printer alone
/// would drop the first two). The result is checked before it is offered: it must parse to the
/// same tree, else no edit is made.
/// </summary>
internal static class Formatter
{
    public static IReadOnlyList<TextEdit> Format(SyntaxModel syntax, FormattingOptions? options)
    {
        if (syntax.Parse.HasErrors)
        {
            return [];
        }

        string unit = options is { InsertSpaces: false } ? "\t" : new string(' ', options is { TabSize: > 0 and <= 16 } ? options.TabSize : 4);
        string text = syntax.Document.Text;
        var edits = new List<(int Start, int End, string Text)>();
        FormatBlock(text, syntax.File.Statements, 0, unit, edits);
        if (edits.Count == 0)
        {
            return [];
        }

        string formatted = Apply(text, edits);
        var again = ScenarioParser.Parse(syntax.Document.Path, formatted, ParseOptions.Default);
        if (again.HasErrors || SyntaxPrinter.Print(again.File) != SyntaxPrinter.Print(syntax.File))
        {
            return [];
        }

        var lines = syntax.Document.Lines;
        return [.. edits.Select(e => new TextEdit(lines.RangeOf(e.Start, e.End), e.Text))];
    }

    private static void FormatBlock(string text, IEnumerable<Statement> statements, int depth, string unit, List<(int, int, string)> edits)
    {
        foreach (var statement in statements)
        {
            Indent(text, statement.Span.Start, depth, unit, edits);
            var block = statement switch
            {
                ForStatement f => f.Body,
                ProcStatement p => p.Body,
                _ => null,
            };
            if (block == null)
            {
                Replace(text, statement.Span.Start, statement.Span.End, FirstLine(SyntaxPrinter.Print(statement)), edits);
                continue;
            }

            var header = statement switch
            {
                ForStatement f => (Statement)(f with { Body = f.Body with { Statements = [] } }),
                ProcStatement p => p with { Body = p.Body with { Statements = [] } },
                _ => statement,
            };
            Replace(text, statement.Span.Start, block.Span.Start + 1, FirstLine(SyntaxPrinter.Print(header)), edits);
            FormatBlock(text, block.Statements, depth + 1, unit, edits);
            Indent(text, block.Span.End - 1, depth, unit, edits);
        }
    }

    /// <summary>Makes the whitespace before <paramref name="at"/> on its line <paramref name="depth"/> units, when only whitespace stands there.</summary>
    private static void Indent(string text, int at, int depth, string unit, List<(int, int, string)> edits)
    {
        int lineStart = at;
        while (lineStart > 0 && text[lineStart - 1] is not ('\n' or '\r'))
        {
            lineStart--;
        }

        for (int i = lineStart; i < at; i++)
        {
            if (text[i] is not (' ' or '\t'))
            {
                return;
            }
        }

        var sb = new StringBuilder();
        for (int i = 0; i < depth; i++)
        {
            sb.Append(unit);
        }

        Replace(text, lineStart, at, sb.ToString(), edits);
    }

    private static void Replace(string text, int start, int end, string replacement, List<(int, int, string)> edits)
    {
        bool same = end - start == replacement.Length && string.CompareOrdinal(text, start, replacement, 0, replacement.Length) == 0;
        if (same || start < 0 || end > text.Length || end < start)
        {
            return;
        }

        edits.Add((start, end, replacement));
    }

    private static string FirstLine(string printed)
    {
        int nl = printed.IndexOf('\n', StringComparison.Ordinal);
        return nl < 0 ? printed : printed[..nl];
    }

    private static string Apply(string text, List<(int Start, int End, string Text)> edits)
    {
        var sb = new StringBuilder(text.Length);
        int at = 0;
        foreach (var (start, end, replacement) in edits.OrderBy(e => e.Start))
        {
            sb.Append(text, at, start - at).Append(replacement);
            at = end;
        }

        return sb.Append(text, at, text.Length - at).ToString();
    }
}
