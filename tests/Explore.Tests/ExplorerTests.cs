using System.Collections.Immutable;
using MmuDsl.Explore;
using MmuDsl.Mmu;
using MmuDsl.Mmu.Algorithms;

namespace MmuDsl.Explore.Tests;

/// <summary>
/// The explorer's search against a naive one: every sequence up to the bound replayed from
/// scratch on fresh engines (no clones, no shared capacities, no deduplication while searching),
/// which must reach exactly the states the explorer counts.
/// </summary>
public sealed class ExplorerTests
{
    private static readonly ExploreOptions Small = ExploreOptions.Default with
    {
        MaxRoots = 2, MaxPages = 2, MaxLevel = 3, Slots = [0, 1], MaxOperations = 3, Shrink = false, Parallelism = 2,
    };

    [Theory]
    [InlineData("legacy", "recursive")]
    [InlineData("legacy", "mutant_no_stale_clear")]
    [InlineData("recursive", "mutant_first_parent_marking")]
    public void SharingCapacities_ChangesNoCount(string first, string second)
    {
        var options = Small with { First = WalkAlgorithms.Find(first)!, Second = WalkAlgorithms.Find(second)!, ExtraCapacities = [2, 5] };
        var shared = Explorer.Run(options);
        var separate = Explorer.Run(options with { ShareCapacities = false });

        Assert.Equal(separate.States, shared.States);
        Assert.Equal(separate.Transitions, shared.Transitions);
        Assert.Equal(separate.FirstWork, shared.FirstWork);
        Assert.Equal(separate.SecondWork, shared.SecondWork);
        Assert.Equal(separate.ExpectedNoProgress, shared.ExpectedNoProgress);
        foreach (var c in Enum.GetValues<FindingClass>())
        {
            Assert.Equal(separate.Classes[c].Count, shared.Classes[c].Count);
            Assert.Equal(separate.Classes[c].Smallest?.Size, shared.Classes[c].Smallest?.Size);
        }

        // Separate runs compute every transition; shared ones far fewer.
        Assert.Equal(separate.Transitions, separate.Computed);
        Assert.True(shared.Computed < separate.Computed * 0.75, $"{shared.Computed} of {separate.Computed} computed");
    }

    [Theory]
    [InlineData("recursive")]
    [InlineData("mutant_first_parent_marking")]
    public void Report_IsTheSameWhateverTheNumberOfWorkers(string second)
    {
        var options = Small with { Second = WalkAlgorithms.Find(second)!, Shrink = true };
        var one = Explorer.Run(options with { Parallelism = 1 });
        var two = Explorer.Run(options with { Parallelism = 2 });
        foreach (var c in Enum.GetValues<FindingClass>())
        {
            Assert.Equal(one.Classes[c].Count, two.Classes[c].Count);
            Assert.Equal(Describe(one.Classes[c].Smallest), Describe(two.Classes[c].Smallest));
            Assert.Equal(one.Classes[c].Repro, two.Classes[c].Repro);
        }

        var (r1, r2) = (one.Largest!, two.Largest!);
        Assert.Equal(
            (string.Join("; ", r1.Statements), r1.Capacity, r1.FirstVisits, r1.SecondVisits),
            (string.Join("; ", r2.Statements), r2.Capacity, r2.FirstVisits, r2.SecondVisits));

        static string? Describe(Finding? f) => f == null ? null : $"{f.Shape} @{f.Capacity}: {string.Join("; ", f.Operations.Select(o => o.ToStatement(f.Shape)))} => {f.Description}";
    }

    [Fact]
    public void CapacityBelowTheRootLevel_NoProgressIsExpected_NotAFinding()
    {
        var real = Explorer.Run(Small with { ExtraCapacities = [2] });
        Assert.True(real.ExpectedNoProgress > 0);
        Assert.Equal(0, real.Classes[FindingClass.InvariantViolation].Count);
        Assert.True(real.Clean);

        // Without the extra capacity, none: the safe capacity never fires it.
        Assert.Equal(0, Explorer.Run(Small).ExpectedNoProgress);

        // A mutant is still caught under the small capacity.
        Assert.False(Explorer.Run(Small with { ExtraCapacities = [2], Second = WalkAlgorithms.Find("mutant_no_stale_clear")! }).Clean);
    }

    [Fact]
    public void SearchBeyondTheMemoryBudget_StopsWithExploreLimitException()
    {
        // Within a budget that holds the bounds, the largest single search is measured; on one
        // worker (so that no two searches overlap: their sum would depend on timing) a budget one
        // byte below it must stop the run at that search.
        var fits = Explorer.Run(Small with { MemoryLimit = 64L << 20, Parallelism = 1 });
        Assert.True(fits.LargestSearchBytes is > 0 and <= 64L << 20, $"{fits.LargestSearchBytes}");
        var e = Assert.Throws<ExploreLimitException>(() => Explorer.Run(Small with { MemoryLimit = fits.LargestSearchBytes - 1, Parallelism = 1 }));
        Assert.Contains("more than the memory budget of ", e.Message, StringComparison.Ordinal);
        Assert.Contains("(--memory", e.Message, StringComparison.Ordinal);
        Assert.Contains("the search of shape", e.Message, StringComparison.Ordinal);
        Assert.Contains("lower --ops", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sample_DrawsThatManyShapes_TheSameOnesForTheSameSeed()
    {
        var options = Small with { MaxOperations = 2, Sample = 40, Seed = 7 };
        var a = Explorer.Run(options);
        var b = Explorer.Run(options with { Parallelism = 1 });
        var other = Explorer.Run(options with { Seed = 8 });
        var all = Explorer.Run(options with { Sample = null });

        Assert.Equal(all.Shapes, a.Shapes);
        Assert.Equal(40, a.ShapesExplored);
        Assert.True(a.Sampled);
        Assert.False(all.Sampled);
        Assert.Equal(a.States, b.States);
        Assert.Equal(a.Transitions, b.Transitions);
        Assert.NotEqual(a.States, other.States);
        Assert.True(a.States < all.States);

        // A sample as large as the whole is the whole.
        var whole = Explorer.Run(options with { Sample = all.Shapes + 5 });
        Assert.False(whole.Sampled);
        Assert.Equal(all.States, whole.States);
    }

    [Theory]
    [InlineData("legacy", "recursive", false, false)]
    [InlineData("legacy", "mutant_no_stale_clear", false, false)]
    [InlineData("legacy", "recursive", true, false)]
    [InlineData("legacy", "eager", false, true)]
    [InlineData("recursive", "mutant_first_parent_marking", false, true)]
    public void Search_ReachesExactlyTheStatesOfANaiveReplay(string first, string second, bool rawLink, bool yields)
    {
        var options = ExploreOptions.Default with
        {
            MaxRoots = 2, MaxPages = 2, MaxLevel = 3, Slots = [0, 1], MaxOperations = yields ? 2 : 3, Shrink = false,
            First = WalkAlgorithms.Find(first)!, Second = WalkAlgorithms.Find(second)!, RawLink = rawLink, Yields = yields,
        };
        var report = Explorer.Run(options);

        var a = WalkAlgorithms.Find(first)!;
        var b = WalkAlgorithms.Find(second)!;
        long states = 0;
        long transitions = 0;
        var classes = new HashSet<FindingClass>();
        foreach (var shape in ShapeEnumerator.Enumerate(options))
        {
            foreach (int capacity in new SortedSet<int> { Math.Max(2, shape.HighestRootLevel), ShadowMmu.DefaultBatchCapacity })
            {
                // Every sequence, depth first, each state replayed from nothing.
                var depthOf = new Dictionary<(ulong, ulong), (int Depth, int Operations)>();
                Visit(shape, capacity, [], options, a, b, depthOf, classes);
                states += depthOf.Count;
                transitions += depthOf.Values.Where(v => v.Depth < options.MaxOperations).Sum(v => (long)v.Operations);
            }
        }

        Assert.Equal(states, report.States);
        Assert.Equal(transitions, report.Transitions);
        Assert.Equal(classes, Enum.GetValues<FindingClass>().Where(c => report.Classes[c].Count > 0).ToHashSet());
    }

    private static void Visit(Shape shape, int capacity, ImmutableArray<Operation> ops, ExploreOptions options, UnsyncWalkAlgorithm a, UnsyncWalkAlgorithm b, Dictionary<(ulong, ulong), (int Depth, int Operations)> depthOf, HashSet<FindingClass> classes)
    {
        var pair = Explorer.Replay(shape, capacity, ops, a, b);
        var valid = pair.ValidOperations(shape, options.Slots, options.RawLink, options.Yields);
        var key = StateHash.Of(pair);
        if (!depthOf.TryGetValue(key, out var seen) || ops.Length < seen.Depth)
        {
            depthOf[key] = (ops.Length, valid.Count);
        }

        if (ops.Length == options.MaxOperations)
        {
            return;
        }

        foreach (var op in valid)
        {
            var after = Explorer.Replay(shape, capacity, ops, a, b);
            int warningsA = after.First.Warnings.Count;
            int warningsB = after.Second.Warnings.Count;
            after.Apply(op, shape);
            if (after.First.Warnings.Count > warningsA || after.Second.Warnings.Count > warningsB
                || Mmu.Invariants.InvariantChecker.Check(after.First).Count > 0 || Mmu.Invariants.InvariantChecker.Check(after.Second).Count > 0)
            {
                classes.Add(FindingClass.InvariantViolation);
            }

            var c = Explorer.Classify(after, describe: false);
            if (c is { } found)
            {
                classes.Add(found.Class);
                if (found.Class is FindingClass.SemanticDivergence or FindingClass.SemanticDivergenceAfterInterrupt or FindingClass.SemanticDivergenceAfterYield)
                {
                    continue;
                }
            }

            Visit(shape, capacity, ops.Add(op), options, a, b, depthOf, classes);
        }
    }
}
