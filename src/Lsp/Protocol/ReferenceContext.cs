namespace MmuDsl.Lsp.Protocol;

/// <summary>Whether references include the declaration.</summary>
public sealed record ReferenceContext(bool IncludeDeclaration);
