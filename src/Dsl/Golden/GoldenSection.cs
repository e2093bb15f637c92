namespace MmuDsl.Dsl.Golden;

/// <summary>
/// One section of a golden block: the algorithm its header names (any identifier: the runner
/// decides whether it may stand there), where the header line is, and the text it expects.
/// </summary>
public sealed record GoldenSection(string Algorithm, int Line, int Offset, int Length, string Text);
