using System.Collections.Immutable;

namespace MmuDsl.Explore;

/// <summary>
/// The sequence, shape included, on which the second algorithm's visits over the whole sequence
/// are the largest multiple of the first's, as the report prints it: both totals, the batch
/// capacity, and the statements (the shape's, then the operations'). <see cref="Length"/> and
/// <see cref="ShapeOrder"/> break ties (a shorter sequence, then an earlier shape), so that the
/// merge of shards keeps the one a single run keeps.
/// </summary>
public sealed record LargestRatio(long FirstVisits, long SecondVisits, int Capacity, ImmutableArray<string> Statements, int Length, int ShapeOrder)
{
    /// <summary>Second visits over first visits.</summary>
    public double Ratio => (double)SecondVisits / FirstVisits;

    /// <summary>True when this one is kept rather than <paramref name="other"/> (the rule of <see cref="WorkRatio.Beats"/>).</summary>
    public bool Beats(LargestRatio other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return other.Beats(FirstVisits, SecondVisits, Length, ShapeOrder) < 0;
    }

    /// <summary>
    /// Positive when this one is kept rather than a sequence of these visits, length and shape
    /// order; negative when that one is; 0 when they are the same place.
    /// </summary>
    internal int Beats(long firstVisits, long secondVisits, int length, int shapeOrder)
    {
        long mine = SecondVisits * firstVisits;
        long theirs = secondVisits * FirstVisits;
        return mine != theirs ? mine.CompareTo(theirs)
            : length != Length ? length.CompareTo(Length)
            : shapeOrder.CompareTo(ShapeOrder);
    }

    internal static LargestRatio Of(WorkRatio r) =>
        new(r.FirstVisits, r.SecondVisits, r.Capacity, [.. r.Shape.Statements(), .. r.Operations.Select(op => op.ToStatement(r.Shape))], r.Operations.Length, r.ShapeOrder);
}
