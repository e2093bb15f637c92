namespace MmuDsl.Dsl.Explore;

/// <summary>
/// The bounds hold too many shapes to enumerate: more than <see cref="ExploreOptions.MaxShapes"/>
/// canonical ones, or more link assignments to try than <see cref="ExploreOptions.MaxLinkAssignments"/>.
/// </summary>
public sealed class ShapeLimitException : Exception
{
    /// <summary>What was too large, in words; the advice is added.</summary>
    public ShapeLimitException(string what)
        : base($"these bounds {what}, too many to enumerate (lower --pages, --roots, --max-level or the number of --slots; --sample still enumerates every shape)")
    {
    }
}
