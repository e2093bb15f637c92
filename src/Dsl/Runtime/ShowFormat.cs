namespace MmuDsl.Dsl.Runtime;

/// <summary>How <c>show</c> renders pages.</summary>
public enum ShowFormat
{
    /// <summary>The indented text of docs/language.md#the-show-format (what golden blocks hold).</summary>
    Text,

    /// <summary>A Graphviz digraph per <c>show</c>, for <c>dot -Tsvg</c>.</summary>
    Dot,
}
