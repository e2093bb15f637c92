using System.Collections.Immutable;

namespace MmuDsl.Dsl.Syntax;

/// <summary>
/// A page name as written: a run of adjacent parts (<c>L$i</c>, <c>L${$i * 8 + $j}</c>, <c>$p</c>).
/// The interpreter builds the name from the parts' values; the name built must be an identifier
/// (<see cref="SyntaxFacts.IsIdentifier"/>).
/// </summary>
public sealed record PageName(ImmutableArray<NamePart> Parts, SourceSpan Span)
{
    /// <summary>The name when it is one literal part (<c>R1</c>), else null.</summary>
    public string? LiteralText => Parts.Length == 1 && Parts[0] is NameTextPart text ? text.Text : null;
}
