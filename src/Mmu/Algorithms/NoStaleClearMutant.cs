namespace MmuDsl.Mmu.Algorithms;

/// <summary>
/// A deliberately wrong algorithm: recursive, but the walk never clears a stale bit. The sync loop
/// then ends (a walk finds no leaf) with bits still set, breaking invariant 4. For the explorer's
/// self-check only.
/// </summary>
public sealed class NoStaleClearMutant : UnsyncWalkAlgorithm
{
    /// <inheritdoc/>
    public override string Name => "mutant_no_stale_clear";

    /// <inheritdoc/>
    public override bool ClearsParentsAfterLeaf => false;

    /// <inheritdoc/>
    public override bool WalkClearsStaleBits => false;

    /// <inheritdoc/>
    public override bool IsMutant => true;
}
