namespace MmuDsl.Explore;

/// <summary>
/// The bounds are too large to explore in memory: more canonical shapes than
/// <see cref="ExploreOptions.MaxShapes"/>, more link assignments to try than
/// <see cref="ExploreOptions.MaxLinkAssignments"/>, or a shape whose search holds more states to
/// extend than <see cref="ExploreOptions.MemoryLimit"/> has room for.
/// </summary>
public sealed class ExploreLimitException : Exception
{
    /// <summary>What was too large and what to lower, in words.</summary>
    public ExploreLimitException(string message)
        : base(message)
    {
    }

    /// <summary>For the enumeration: what was too large; the advice is added.</summary>
    internal static ExploreLimitException Shapes(string what) =>
        new($"these bounds {what}, too many to enumerate (lower --pages, --roots, --max-level or the number of --slots; --sample still enumerates every shape)");
}
