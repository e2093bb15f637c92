using MmuDsl.Dsl.Syntax;

namespace MmuDsl.Lsp.Analysis;

/// <summary>A file the document includes (directly or not), parsed: where its declarations are.</summary>
internal sealed record IncludedFile(string FullPath, ParseResult Parsed);
