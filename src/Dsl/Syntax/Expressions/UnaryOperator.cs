namespace MmuDsl.Dsl.Syntax;

/// <summary>The operator of a <see cref="UnaryExpr"/>.</summary>
public enum UnaryOperator
{
    /// <summary><c>!</c></summary>
    Not,

    /// <summary><c>-</c></summary>
    Negate,
}
