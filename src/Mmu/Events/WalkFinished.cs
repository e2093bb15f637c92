using System.Collections.Immutable;

namespace MmuDsl.Mmu.Events;

/// <summary>
/// One <c>mmu_unsync_walk</c> of <paramref name="Root"/>: its result (leaves found, or
/// <see cref="ShadowMmu.Enospc"/> when the batch filled) and the batch it left.
/// </summary>
public sealed record WalkFinished(ShadowPage Root, int Result, ImmutableArray<BatchEntry> Batch) : MmuEvent
{
    /// <inheritdoc/>
    public override string Describe()
    {
        string result = Result == ShadowMmu.Enospc ? "-ENOSPC" : Result.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (Batch.IsEmpty)
        {
            return $"mmu_unsync_walk {Root.Name} = {result}";
        }

        return $"mmu_unsync_walk {Root.Name} = {result} pvec=[{string.Join(" ", Batch.Select(e => e.ToString()))}]";
    }
}
