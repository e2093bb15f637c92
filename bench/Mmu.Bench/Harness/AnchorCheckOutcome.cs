namespace MmuDsl.Mmu.Bench.Harness;

/// <summary>What <see cref="AnchorCheck"/> found: the line for the report's header, and whether
/// the copy was compared with an independent anchor at all.</summary>
internal sealed record AnchorCheckOutcome(string Line, bool Checked);
