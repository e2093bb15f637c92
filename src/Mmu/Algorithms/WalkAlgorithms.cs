namespace MmuDsl.Mmu.Algorithms;

/// <summary>
/// The built-in algorithms, by name: the one registry that scripts (<c>algorithms</c>, <c>@NAME</c>),
/// the command line (<c>--algorithm</c>, <c>explore -a</c>) and the explorer resolve names in.
/// Adding a built-in is one file and one line in <see cref="Builtins"/>; plug-ins loaded from a
/// C# file are resolved beside these by the caller that loads them.
/// </summary>
public static class WalkAlgorithms
{
    /// <summary>The kernel as it is.</summary>
    public static UnsyncWalkAlgorithm Legacy { get; } = new LegacyWalk();

    /// <summary>The seed's patch (never merged).</summary>
    public static UnsyncWalkAlgorithm Recursive { get; } = new RecursiveWalk();

    /// <summary>The walk that clears as it goes (never merged).</summary>
    public static UnsyncWalkAlgorithm Eager { get; } = new EagerWalk();

    /// <summary>
    /// Every built-in, in the order in which a script runs them (golden sections follow it):
    /// the real ones, then the deliberately wrong ones, which run only when named.
    /// </summary>
    public static IReadOnlyList<UnsyncWalkAlgorithm> Builtins { get; } =
    [
        Legacy,
        Recursive,
        Eager,
        new NoStaleClearMutant(),
        new FirstParentMarkingMutant(),
    ];

    /// <summary>
    /// The default set: what a script runs when neither it nor the command line names any. It stays
    /// legacy and recursive when algorithms are added, so that no scenario changes meaning.
    /// </summary>
    public static IReadOnlyList<UnsyncWalkAlgorithm> Default { get; } = [Legacy, Recursive];

    /// <summary>The real built-ins (no mutant), in run order.</summary>
    public static IReadOnlyList<UnsyncWalkAlgorithm> All { get; } = [.. Builtins.Where(a => !a.IsMutant)];

    /// <summary>The deliberately wrong ones, for the explorer's self-check.</summary>
    public static IReadOnlyList<UnsyncWalkAlgorithm> Mutants { get; } = [.. Builtins.Where(a => a.IsMutant)];

    /// <summary>The built-in named <paramref name="name"/>, or null.</summary>
    public static UnsyncWalkAlgorithm? Find(string name)
    {
        foreach (var a in Builtins)
        {
            if (string.Equals(a.Name, name, StringComparison.Ordinal))
            {
                return a;
            }
        }

        return null;
    }

    /// <summary>The position of a built-in in run order, or -1 for any other algorithm.</summary>
    public static int RunOrder(UnsyncWalkAlgorithm algorithm)
    {
        for (int i = 0; i < Builtins.Count; i++)
        {
            if (ReferenceEquals(Builtins[i], algorithm))
            {
                return i;
            }
        }

        return -1;
    }
}
