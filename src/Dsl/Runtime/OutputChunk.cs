using MmuDsl.Dsl.Syntax;

namespace MmuDsl.Dsl.Runtime;

/// <summary>What one execution of an output statement printed (<paramref name="Statement"/> is null for <c>--trace</c> lines).</summary>
public sealed record OutputChunk(Statement? Statement, string Text);
