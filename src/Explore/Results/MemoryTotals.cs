namespace MmuDsl.Explore.Results;

/// <summary>
/// What a shard's searches stored and held (<see cref="ExploreReport"/>'s memory figures): the
/// distinct states and the bytes of their vectors, the sum of the squares of each search's
/// states (for the chance of a hash collision), the search that held the most, and whether the
/// visited sets kept vectors (<see cref="ExactStates"/>). <see cref="PeakBytes"/> and
/// <see cref="BudgetBytes"/> depend on the machine the shard ran on, not on what it explored.
/// </summary>
public sealed record MemoryTotals
{
    /// <summary>Distinct states stored.</summary>
    public long Vectors { get; init; }

    /// <summary>Bytes of their packed vectors.</summary>
    public long VectorBytes { get; init; }

    /// <summary>The sum, over the searches, of the square of their distinct states (0 when <see cref="ExactStates"/>).</summary>
    public double SquaredStates { get; init; }

    /// <summary>The visited sets kept every state's vector (<c>--exact-states</c>), not only its hash.</summary>
    public bool ExactStates { get; init; }

    /// <summary>The most memory one shape's search held.</summary>
    public long LargestSearchBytes { get; init; }

    /// <summary>The distinct states that search held.</summary>
    public long LargestSearchStates { get; init; }

    /// <summary>The most memory the shard's searches held at once (of its machine and threads).</summary>
    public long PeakBytes { get; init; }

    /// <summary>The memory budget the shard ran under (<c>--memory</c>, or its machine's default).</summary>
    public long BudgetBytes { get; init; }
}
