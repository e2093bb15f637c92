using MmuDsl.Dsl.Syntax;
using MmuDsl.Lsp.Analysis;
using MmuDsl.Lsp.Protocol;

namespace MmuDsl.Lsp.Features;

/// <summary>textDocument/documentSymbol: the pages (roots and pages) and procedures, a procedure holding the pages its body makes.</summary>
internal static class SymbolProvider
{
    public static IReadOnlyList<DocumentSymbol> Symbols(SyntaxModel syntax) => Collect(syntax, syntax.File.Statements);

    private static List<DocumentSymbol> Collect(SyntaxModel syntax, IEnumerable<Statement> statements)
    {
        var symbols = new List<DocumentSymbol>();
        foreach (var statement in statements)
        {
            switch (statement)
            {
                case RootStatement s:
                    symbols.Add(Page(syntax, s, s.Name, $"root L{SyntaxPrinter.Print(s.Level)}", SymbolKind.Struct));
                    break;
                case PageStatement s:
                    symbols.Add(Page(syntax, s, s.Name, $"page L{SyntaxPrinter.Print(s.Level)}", SymbolKind.Object));
                    break;
                case ProcStatement s:
                    symbols.Add(new DocumentSymbol(
                        s.Name.Name,
                        $"proc({string.Join(", ", s.Parameters.Select(p => p.Name))})",
                        SymbolKind.Function,
                        RangeOf(syntax, s.Span),
                        RangeOf(syntax, s.Name.Span),
                        Collect(syntax, s.Body.Statements)));
                    break;
                case ForStatement s:
                    symbols.AddRange(Collect(syntax, s.Body.Statements));
                    break;
            }
        }

        return symbols;
    }

    private static DocumentSymbol Page(SyntaxModel syntax, Statement statement, PageName name, string detail, SymbolKind kind) =>
        new(SyntaxPrinter.Print(name), detail, kind, RangeOf(syntax, statement.Span), RangeOf(syntax, name.Span), null);

    private static Protocol.Range RangeOf(SyntaxModel syntax, SourceSpan span) => syntax.Document.Lines.RangeOf(span.Start, span.End);
}
