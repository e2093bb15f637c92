using System.Collections.Immutable;

namespace MmuDsl.Dsl.Syntax;

/// <summary>A parsed <c>.mmu</c> file: its path, its full text, and its top-level statements in order.</summary>
public sealed record ScenarioFile(string Path, string Text, ImmutableArray<Statement> Statements);
