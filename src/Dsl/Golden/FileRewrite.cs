namespace MmuDsl.Dsl.Golden;

/// <summary>A planned rewrite of one file: its new text and the lines of the statements whose blocks changed.</summary>
public sealed record FileRewrite(string Path, string NewText, IReadOnlyList<int> ChangedBlockLines);
