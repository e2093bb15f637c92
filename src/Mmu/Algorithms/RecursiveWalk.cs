namespace MmuDsl.Mmu.Algorithms;

/// <summary>After the seed's patch: no bottom-up clearing; the next <c>mmu_unsync_walk</c> of the
/// same loop finds the synced leaves clean (or gone) and clears their bits on its way back up.</summary>
public sealed class RecursiveWalk : UnsyncWalkAlgorithm
{
    /// <inheritdoc/>
    public override string Name => "recursive";

    /// <inheritdoc/>
    public override bool ClearsParentsAfterLeaf => false;
}
