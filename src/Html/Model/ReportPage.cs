namespace MmuDsl.Html.Model;

/// <summary>A page of the report (the same name under every algorithm is one page), with the size of its box.</summary>
internal sealed class ReportPage(string name, int level, bool isRoot)
{
    public string Name { get; } = name;

    public int Level { get; } = level;

    public bool IsRoot { get; } = isRoot;

    /// <summary>The widest text line any of its states needs, in characters.</summary>
    public int TextWidth { get; set; }

    /// <summary>True when some state of it has leaf or large sptes (a line more in its box).</summary>
    public bool HasLeaves { get; set; }
}
