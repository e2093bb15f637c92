namespace MmuDsl.Dsl.Syntax;

/// <summary>The <c>@legacy</c> or <c>@recursive</c> prefix of a statement: it runs under that algorithm only.</summary>
public enum AlgorithmQualifier
{
    /// <summary>No prefix: the statement runs under every algorithm.</summary>
    None,

    /// <summary><c>@legacy</c>.</summary>
    Legacy,

    /// <summary><c>@recursive</c>.</summary>
    Recursive,
}
