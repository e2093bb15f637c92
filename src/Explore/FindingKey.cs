namespace MmuDsl.Explore;

/// <summary>
/// Which instance of a class is kept: the smallest by operations, then pages, then links, then
/// the earliest shape (its place among the shapes explored). Shards record it with their repro, so
/// that their merge keeps the instance a single run keeps.
/// </summary>
public readonly record struct FindingKey(int Operations, int Pages, int Links, int ShapeOrder) : IComparable<FindingKey>
{
    /// <inheritdoc/>
    public int CompareTo(FindingKey other) =>
        (Operations, Pages, Links, ShapeOrder).CompareTo((other.Operations, other.Pages, other.Links, other.ShapeOrder));

    /// <summary>True when this one is kept rather than <paramref name="other"/>.</summary>
    public bool IsSmallerThan(FindingKey other) => CompareTo(other) < 0;
}
