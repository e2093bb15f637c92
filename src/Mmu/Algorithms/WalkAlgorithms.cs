namespace MmuDsl.Mmu.Algorithms;

/// <summary>The known algorithms, by name. Users get <see cref="All"/>; mutants only by name.</summary>
public static class WalkAlgorithms
{
    /// <summary>Before the seed's patch.</summary>
    public static UnsyncWalkAlgorithm Legacy { get; } = new LegacyWalk();

    /// <summary>After the seed's patch.</summary>
    public static UnsyncWalkAlgorithm Recursive { get; } = new RecursiveWalk();

    /// <summary>The real algorithms, in the order scripts run them: legacy, then recursive.</summary>
    public static IReadOnlyList<UnsyncWalkAlgorithm> All { get; } = [Legacy, Recursive];

    /// <summary>The deliberately wrong ones, for the explorer's self-check.</summary>
    public static IReadOnlyList<UnsyncWalkAlgorithm> Mutants { get; } = [new NoStaleClearMutant(), new FirstParentMarkingMutant()];

    /// <summary>Finds an algorithm by name; mutants only when <paramref name="includeMutants"/>.</summary>
    public static UnsyncWalkAlgorithm? Find(string name, bool includeMutants = false)
    {
        foreach (var a in All)
        {
            if (a.Name == name)
            {
                return a;
            }
        }

        if (includeMutants)
        {
            foreach (var a in Mutants)
            {
                if (a.Name == name)
                {
                    return a;
                }
            }
        }

        return null;
    }
}
