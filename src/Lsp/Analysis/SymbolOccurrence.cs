using MmuDsl.Dsl.Syntax;

namespace MmuDsl.Lsp.Analysis;

/// <summary>
/// One place a name stands: its category, the name as written, the key that tells which thing it
/// names (a page's or procedure's name; for a variable, the place of the binding it resolves to;
/// for an include, the included file's full path), its span (in the main file or an included one),
/// and whether it declares that thing.
/// </summary>
internal sealed record SymbolOccurrence(SymbolCategory Category, string Name, string Key, SourceSpan Span, bool IsDeclaration);
