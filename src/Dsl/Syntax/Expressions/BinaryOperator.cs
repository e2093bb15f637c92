namespace MmuDsl.Dsl.Syntax;

/// <summary>The operator of a <see cref="BinaryExpr"/>; <see cref="SyntaxFacts"/> gives its text and precedence.</summary>
public enum BinaryOperator
{
    /// <summary><c>*</c></summary>
    Multiply,

    /// <summary><c>/</c>, truncating toward zero.</summary>
    Divide,

    /// <summary><c>%</c>, truncating toward zero.</summary>
    Remainder,

    /// <summary><c>+</c></summary>
    Add,

    /// <summary><c>-</c></summary>
    Subtract,

    /// <summary><c>&lt;</c></summary>
    Less,

    /// <summary><c>&lt;=</c></summary>
    LessOrEqual,

    /// <summary><c>&gt;</c></summary>
    Greater,

    /// <summary><c>&gt;=</c></summary>
    GreaterOrEqual,

    /// <summary><c>in</c>: set membership, <c>0 in R.bitmap</c>.</summary>
    In,

    /// <summary><c>==</c></summary>
    Equal,

    /// <summary><c>!=</c></summary>
    NotEqual,

    /// <summary><c>&amp;&amp;</c></summary>
    And,

    /// <summary><c>||</c></summary>
    Or,
}
