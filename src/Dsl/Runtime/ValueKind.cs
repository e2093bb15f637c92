namespace MmuDsl.Dsl.Runtime;

/// <summary>The types of the language's values.</summary>
public enum ValueKind : byte
{
    /// <summary>A 64-bit signed integer.</summary>
    Int,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Bool,

    /// <summary>A set of integers, e.g. <c>{0,7}</c> or a page's bitmap.</summary>
    Set,

    /// <summary>Text.</summary>
    String,
}
