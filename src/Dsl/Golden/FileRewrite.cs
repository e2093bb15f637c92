namespace MmuDsl.Dsl.Golden;

/// <summary>
/// A planned rewrite of one file: the text it was run from, its edits (the golden blocks that
/// change, in order), the text they make, and the lines of the statements whose blocks changed.
/// </summary>
public sealed record FileRewrite(string Path, string NewText, IReadOnlyList<int> ChangedBlockLines)
{
    /// <summary>The text the run read (a rewrite is refused when the file no longer holds it).</summary>
    public string OldText { get; init; } = string.Empty;

    /// <summary>The replacements, in ascending order, that turn <see cref="OldText"/> into <see cref="NewText"/>.</summary>
    public IReadOnlyList<TextEdit> Edits { get; init; } = [];
}
