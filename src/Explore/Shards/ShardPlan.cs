namespace MmuDsl.Explore.Shards;

/// <summary>
/// Which shapes a shard explores. Each shape gets an estimate of its work
/// (<see cref="EstimatedWork"/>); the shapes, heaviest first (ties: the earlier shape), go one by
/// one to the shard with the least estimated work so far (ties: the lower index). The plan is a
/// function of the shapes, the bounds and N alone, so every shard of a run computes the same plan
/// and takes its own part: the N parts are disjoint and together hold every shape once.
/// </summary>
public static class ShardPlan
{
    /// <summary>
    /// The estimated work of a shape: its batch capacities times the number of operations its first
    /// state offers raised to the sequence length, capped at <see cref="StatesCap"/> per capacity.
    /// Shapes differ by orders of magnitude in it (a lone root offers a handful of operations, four
    /// linked pages twenty or more); deduplication flattens the largest, hence the cap.
    /// </summary>
    public static double EstimatedWork(Shape shape, ExploreOptions options)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(options);
        double moves = Math.Max(1, Moves(shape, options));
        double states = Math.Min(StatesCap, Math.Pow(moves, options.MaxOperations));
        return states * moves * Explorer.Capacities(shape, options).Length;
    }

    /// <summary>The most states per capacity the estimate counts for one shape.</summary>
    public const double StatesCap = 1e5;

    /// <summary>The indexes (into <paramref name="shapes"/>, ascending) that <paramref name="shard"/> explores.</summary>
    public static List<int> Select(IReadOnlyList<Shape> shapes, ExploreOptions options, ShardSpec shard)
    {
        ArgumentNullException.ThrowIfNull(shapes);
        var estimates = new double[shapes.Count];
        for (int i = 0; i < shapes.Count; i++)
        {
            estimates[i] = EstimatedWork(shapes[i], options);
        }

        return Assign(estimates, shard);
    }

    /// <summary>The greedy assignment of items of these estimated works, as <see cref="Select"/> makes it.</summary>
    public static List<int> Assign(IReadOnlyList<double> estimates, ShardSpec shard)
    {
        ArgumentNullException.ThrowIfNull(estimates);
        if (shard.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(shard));
        }

        var order = Enumerable.Range(0, estimates.Count).ToArray();
        Array.Sort(order, (a, b) => estimates[a] != estimates[b] ? estimates[b].CompareTo(estimates[a]) : a.CompareTo(b));
        var loads = new PriorityQueue<int, (double Load, int Index)>(shard.Count);
        for (int s = 0; s < shard.Count; s++)
        {
            loads.Enqueue(s, (0, s));
        }

        var mine = new List<int>();
        foreach (int item in order)
        {
            loads.TryDequeue(out int s, out var load);
            if (s == shard.Index)
            {
                mine.Add(item);
            }

            loads.Enqueue(s, (load.Load + estimates[item], s));
        }

        mine.Sort();
        return mine;
    }

    // The operations of the shape's first state, counted from its structure as EnginePair offers
    // them: per leaf unsync and a failing sync, per page with children two syncs, per page a zap,
    // per slot of an upper page an unlink or a link to each page of the level below.
    private static int Moves(Shape shape, ExploreOptions options)
    {
        int moves = 0;
        for (int p = 0; p < shape.PageCount; p++)
        {
            int level = shape.Levels[p];
            moves += 1 + (level == 1 ? 2 : 0);
            int children = shape.Links.Count(l => l.Parent == p);
            moves += children > 0 ? 2 : 0;
            if (level >= 2)
            {
                int below = 0;
                for (int c = shape.Roots; c < shape.PageCount; c++)
                {
                    below += shape.Levels[c] == level - 1 ? 1 : 0;
                }

                moves += children + ((options.Slots.Count - children) * below);
            }
        }

        return options.Yields ? moves * 2 : moves;
    }
}
