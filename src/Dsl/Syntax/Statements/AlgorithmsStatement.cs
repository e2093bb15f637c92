using System.Collections.Immutable;

namespace MmuDsl.Dsl.Syntax;

/// <summary><c>algorithms legacy eager "walks/mine.cs"</c>: the algorithms the script runs under, by name or
/// by a plug-in's path. The parser checks neither the entries nor where the statement stands.</summary>
public sealed record AlgorithmsStatement(ImmutableArray<AlgorithmRef> Entries, SourceSpan Span) : Statement(Span);
