using MmuDsl.Dsl.Syntax;
using MmuDsl.Lsp.Analysis;
using MmuDsl.Lsp.Protocol;

namespace MmuDsl.Lsp.Features;

/// <summary>
/// textDocument/definition and textDocument/references for pages, procedures, variables and
/// included files. A page is declared by its <c>root</c>/<c>page</c> statement; a page whose name
/// was built at run time (<c>page L$i level 1</c> in a loop) is found through the run, which
/// records the statement that made each page, and a name written with variables (<c>L$i</c>)
/// resolves to the page it named the last time its statement ran.
/// </summary>
internal static class NavigationProvider
{
    public static IReadOnlyList<Location> Definition(SyntaxModel syntax, RunModel? run, Position position)
    {
        int offset = syntax.Document.Lines.OffsetOf(position);
        var occurrence = syntax.Symbols.At(syntax.Document.Path, offset);
        if (occurrence == null)
        {
            return BuiltName(syntax, run, offset) is { } built ? PageDeclarations(syntax, run, built) : [];
        }

        return occurrence.Category switch
        {
            SymbolCategory.Page => PageDeclarations(syntax, run, occurrence.Key),
            SymbolCategory.Include => [new Location(syntax.UriOf(occurrence.Key), new Protocol.Range(new Position(0, 0), new Position(0, 0)))],
            _ => [.. syntax.Symbols.Same(occurrence).Where(o => o.IsDeclaration).Select(o => LocationOf(syntax, o.Span))],
        };
    }

    public static IReadOnlyList<Location> References(SyntaxModel syntax, RunModel? run, Position position, bool includeDeclaration)
    {
        int offset = syntax.Document.Lines.OffsetOf(position);
        var occurrence = syntax.Symbols.At(syntax.Document.Path, offset);
        IEnumerable<SymbolOccurrence> same;
        if (occurrence != null)
        {
            same = syntax.Symbols.Same(occurrence);
        }
        else if (BuiltName(syntax, run, offset) is { } built)
        {
            same = syntax.Symbols.Occurrences.Where(o => o.Category == SymbolCategory.Page && o.Key == built);
        }
        else
        {
            return [];
        }

        return [.. same.Where(o => includeDeclaration || !o.IsDeclaration).Select(o => LocationOf(syntax, o.Span))];
    }

    /// <summary>The page a name written with variables named the last time its statement ran (the first algorithm that ran it).</summary>
    private static string? BuiltName(SyntaxModel syntax, RunModel? run, int offset)
    {
        if (run == null || SyntaxNodes.PathTo(syntax.File, offset).OfType<PageName>().LastOrDefault() is not { } name)
        {
            return null;
        }

        return run.Algorithms.Select(a => run.Steps.At(a, name)?.Name).FirstOrDefault(n => n != null);
    }

    private static List<Location> PageDeclarations(SyntaxModel syntax, RunModel? run, string page)
    {
        var spans = syntax.Symbols.Declarations(SymbolCategory.Page, page).Select(o => o.Span).ToList();
        foreach (var algorithm in run?.Algorithms ?? [])
        {
            var made = run!.Steps.MadeBy(algorithm, page);
            var name = made switch
            {
                RootStatement r => r.Name,
                PageStatement p => p.Name,
                _ => null,
            };
            if (name != null && !spans.Contains(name.Span))
            {
                spans.Add(name.Span);
            }
        }

        return [.. spans.Select(s => LocationOf(syntax, s))];
    }

    public static Location LocationOf(SyntaxModel syntax, SourceSpan span)
    {
        var lines = syntax.LinesOf(span.Path);
        var range = lines != null
            ? lines.RangeOf(span.Start, span.End)
            : new Protocol.Range(new Position(Math.Max(0, span.Line - 1), Math.Max(0, span.Column - 1)), new Position(Math.Max(0, span.Line - 1), Math.Max(0, span.Column - 1)));
        return new Location(syntax.UriOf(span.Path), range);
    }
}
