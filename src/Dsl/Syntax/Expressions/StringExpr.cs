using System.Collections.Immutable;

namespace MmuDsl.Dsl.Syntax;

/// <summary>
/// A string: text parts (escapes resolved) and interpolated parts (<c>$name</c> is an
/// interpolated <see cref="VariableExpr"/>). Adjacent text is one part; an empty string has no part.
/// </summary>
public sealed record StringExpr(ImmutableArray<StringPart> Parts, SourceSpan Span) : Expr(Span)
{
    /// <summary>The string's value when it interpolates nothing (as an <c>include</c> path usually), else null.</summary>
    public string? LiteralText => Parts.All(p => p is StringTextPart)
        ? string.Concat(Parts.Select(p => ((StringTextPart)p).Text))
        : null;
}
