namespace MmuDsl.Lsp.Protocol;

/// <summary>Another place a diagnostic refers to.</summary>
public sealed record DiagnosticRelatedInformation(Location Location, string Message);
