namespace MmuDsl.Lsp.Protocol;

/// <summary>A diagnostic as published to the editor.</summary>
public sealed record Diagnostic(Range Range, DiagnosticSeverity Severity, string Message, string Source, string? Code = null, IReadOnlyList<DiagnosticRelatedInformation>? RelatedInformation = null);
