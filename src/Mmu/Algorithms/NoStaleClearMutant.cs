namespace MmuDsl.Mmu.Algorithms;

/// <summary>
/// A deliberately wrong algorithm: recursive, but the walk never clears a stale bit. The sync loop
/// then ends (a walk finds no leaf) with bits still set, breaking invariant 4. For the explorer's
/// self-check only.
/// </summary>
public sealed class NoStaleClearMutant : RecursiveWalk
{
    /// <inheritdoc/>
    public override string Name => "mutant_no_stale_clear";

    /// <inheritdoc/>
    public override bool IsMutant => true;

    /// <summary>The bug: the bit stays set.</summary>
    protected override void ClearStaleBit(Kvm kvm, KvmMmuPage sp, int i)
    {
    }
}
