using System.Collections.Immutable;

namespace MmuDsl.Explore;

/// <summary>A sequence and the visits of both algorithms over it.</summary>
internal readonly record struct WorkRatio(Shape Shape, int ShapeOrder, int Capacity, ImmutableArray<Operation> Operations, long FirstVisits, long SecondVisits)
{
    /// <summary>
    /// True when (visits, length, shape order) beats <paramref name="best"/>: a larger ratio, or
    /// the same ratio on a shorter sequence, or on an earlier shape (so that the result does not
    /// depend on the order the workers finish in).
    /// </summary>
    public static bool Beats(long firstVisits, long secondVisits, int length, int shapeOrder, WorkRatio best)
    {
        long mine = secondVisits * best.FirstVisits;
        long theirs = best.SecondVisits * firstVisits;
        return mine != theirs ? mine > theirs
            : length != best.Operations.Length ? length < best.Operations.Length
            : shapeOrder < best.ShapeOrder;
    }
}
