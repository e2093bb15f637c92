using MmuDsl.Dsl.Syntax;
using MmuDsl.Lsp.Analysis;
using MmuDsl.Lsp.Protocol;

namespace MmuDsl.Lsp.Features;

/// <summary>
/// textDocument/documentSymbol: the pages (roots and pages) and procedures, a procedure holding
/// the symbols of its body. Procedures nested deeper than <see cref="MaxDepth"/> are listed flat
/// at that depth (a message stays within JSON readers' default depth of 64).
/// </summary>
internal static class SymbolProvider
{
    public const int MaxDepth = 16;

    public static IReadOnlyList<DocumentSymbol> Symbols(SyntaxModel syntax) => Collect(syntax, syntax.File.Statements, 0);

    private static List<DocumentSymbol> Collect(SyntaxModel syntax, IEnumerable<Statement> statements, int depth)
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
                    {
                        var inner = Collect(syntax, s.Body.Statements, depth + 1);
                        symbols.Add(new DocumentSymbol(
                            s.Name.Name,
                            $"proc({string.Join(", ", s.Parameters.Select(p => p.Name))})",
                            SymbolKind.Function,
                            RangeOf(syntax, s.Span),
                            RangeOf(syntax, s.Name.Span),
                            depth + 1 < MaxDepth ? inner : null));
                        if (depth + 1 >= MaxDepth)
                        {
                            symbols.AddRange(inner);
                        }

                        break;
                    }

                case ForStatement s:
                    symbols.AddRange(Collect(syntax, s.Body.Statements, depth));
                    break;
            }
        }

        return symbols;
    }

    private static DocumentSymbol Page(SyntaxModel syntax, Statement statement, PageName name, string detail, SymbolKind kind) =>
        new(SyntaxPrinter.Print(name), detail, kind, RangeOf(syntax, statement.Span), RangeOf(syntax, name.Span), null);

    private static Protocol.Range RangeOf(SyntaxModel syntax, SourceSpan span) => syntax.Document.Lines.RangeOf(span.Start, span.End);
}
