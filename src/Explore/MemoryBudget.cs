namespace MmuDsl.Explore;

/// <summary>
/// The memory the searches may hold at once (<c>--memory</c>, <see cref="ExploreOptions.MemoryLimit"/>):
/// each shape's visited set and frontiers take from it as they grow and give it back when the
/// search of the shape ends. A search that would take more stops the exploration with an
/// <see cref="ExploreLimitException"/> saying where. Only those structures are counted: the engines,
/// the shapes and the runtime come on top (some tens of megabytes).
/// </summary>
internal sealed class MemoryBudget
{
    private long _held;
    private long _peak;

    public MemoryBudget(long limit)
    {
        Limit = limit;
    }

    /// <summary>The budget in bytes.</summary>
    public long Limit { get; }

    /// <summary>The most bytes held at once so far.</summary>
    public long Peak => Interlocked.Read(ref _peak);

    /// <summary>
    /// The default budget: half of the memory this process may use (the machine's, or its
    /// container's limit), as the garbage collector sees it.
    /// </summary>
    public static long DefaultLimit() => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 2;

    /// <summary>Takes <paramref name="bytes"/>; throws with <paramref name="where"/>'s words when the budget would be exceeded.</summary>
    public void Take(long bytes, Func<string> where)
    {
        long now = Interlocked.Add(ref _held, bytes);
        if (now > Limit)
        {
            Interlocked.Add(ref _held, -bytes);
            throw new ExploreLimitException(
                $"{where()}: its visited set and frontier would take more than the memory budget of {Size(Limit)} (--memory; now {Size(now - bytes)} held by every worker). Raise --memory, lower --ops, or use fewer --jobs");
        }

        long peak = Interlocked.Read(ref _peak);
        while (now > peak)
        {
            long seen = Interlocked.CompareExchange(ref _peak, now, peak);
            if (seen == peak)
            {
                break;
            }

            peak = seen;
        }
    }

    /// <summary>Gives back <paramref name="bytes"/> taken before.</summary>
    public void Give(long bytes) => Interlocked.Add(ref _held, -bytes);

    /// <summary>A byte count in words: 1.5 GiB, 12.0 MiB, 800 KiB.</summary>
    public static string Size(long bytes) =>
        bytes >= 1L << 30 ? FormattableString.Invariant($"{bytes / (double)(1L << 30):0.0} GiB")
        : bytes >= 1L << 20 ? FormattableString.Invariant($"{bytes / (double)(1L << 20):0.0} MiB")
        : FormattableString.Invariant($"{bytes / 1024.0:0} KiB");
}
