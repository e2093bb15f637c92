namespace MmuDsl.Dsl.Golden;

/// <summary>
/// A line of a golden block that cannot be read: <paramref name="Line"/> counts from 0 at the
/// block's first content line, <paramref name="Offset"/> is where that line starts in the raw
/// content, <paramref name="Length"/> its length without its line break.
/// </summary>
public sealed record GoldenSectionProblem(int Line, int Offset, int Length, string Message);
