namespace MmuDsl.Lsp.Protocol;

/// <summary>mmudsl/memory's answer: the managed heap after a full collection, and the process's working set, in bytes.</summary>
public sealed record MemoryReport(long ManagedBytes, long WorkingSetBytes, int OpenDocuments);
