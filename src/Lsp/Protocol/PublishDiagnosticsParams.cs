namespace MmuDsl.Lsp.Protocol;

/// <summary>textDocument/publishDiagnostics: every diagnostic of a document version (an empty list clears them).</summary>
public sealed record PublishDiagnosticsParams(string Uri, int? Version, IReadOnlyList<Diagnostic> Diagnostics);
