using System.Text.Json;

namespace MmuDsl.Lsp.Protocol;

/// <summary>initialize: what the server reads of it (the rest, the client's capabilities, it does not need).</summary>
public sealed record InitializeParams(int? ProcessId, string? RootUri, JsonElement? InitializationOptions);
