namespace MmuDsl.Lsp.Protocol;

/// <summary>The server's name and version.</summary>
public sealed record ServerInfo(string Name, string Version);
