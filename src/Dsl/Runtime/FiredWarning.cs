using MmuDsl.Dsl.Syntax;
using MmuDsl.Mmu;

namespace MmuDsl.Dsl.Runtime;

/// <summary>An engine warning, and the statement during which it fired.</summary>
public sealed record FiredWarning(SourceSpan Span, MmuWarning Warning);
