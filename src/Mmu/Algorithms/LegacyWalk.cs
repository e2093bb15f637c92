namespace MmuDsl.Mmu.Algorithms;

/// <summary>Before the seed's patch: after each synced or zapped leaf, <c>mmu_pages_clear_parents</c>
/// clears its bit in its parent and climbs while counts reach zero, up to the walk's root.</summary>
public sealed class LegacyWalk : UnsyncWalkAlgorithm
{
    /// <inheritdoc/>
    public override string Name => "legacy";

    /// <inheritdoc/>
    public override bool ClearsParentsAfterLeaf => true;
}
