using MmuDsl.Mmu;

namespace MmuDsl.Explore;

/// <summary>
/// Which warnings are findings. Below a shape's safe batch capacity (its highest root's level) a
/// walk can fill its batch with one path and no leaf: the no-progress warning is then what the
/// capacity was asked for (--pvec), not a finding. Every other warning is one.
/// </summary>
internal static class ExpectedWarnings
{
    /// <summary>The first warning since <paramref name="warningsBefore"/> that is a finding, or null.</summary>
    public static MmuWarning? FirstUnexpected(ShadowMmu mmu, int warningsBefore, int capacity, Shape shape)
    {
        bool belowSafe = capacity < shape.HighestRootLevel;
        for (int w = warningsBefore; w < mmu.Warnings.Count; w++)
        {
            if (!(belowSafe && mmu.Warnings[w].Kind == MmuWarningKind.NoProgress))
            {
                return mmu.Warnings[w];
            }
        }

        return null;
    }
}
