namespace MmuDsl.Mmu.Algorithms;

/// <summary>
/// A deliberately wrong algorithm: recursive, but marking climbs through the first parent pte
/// only, so a page shared by two parents leaves the second without its bit (a false negative,
/// invariant 2). For the explorer's self-check only.
/// </summary>
public sealed class FirstParentMarkingMutant : RecursiveWalk
{
    /// <inheritdoc/>
    public override string Name => "mutant_first_parent_marking";

    /// <inheritdoc/>
    public override bool IsMutant => true;

    /// <summary>The bug: only parent pte 0 is marked.</summary>
    public override void KvmMmuMarkParentsUnsync(Kvm kvm, KvmMmuPage sp)
    {
        if (sp.ParentPteCount > 0)
        {
            MarkUnsync(kvm, sp.ParentPte(0));
        }
    }
}
