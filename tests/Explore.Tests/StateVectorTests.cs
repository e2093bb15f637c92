using MmuDsl.Mmu;
using MmuDsl.Mmu.Algorithms;

namespace MmuDsl.Explore.Tests;

/// <summary>
/// The search's compact states: a packed pair restored into a fresh pair is the same state (same
/// <see cref="StateHash"/> of the pair, same vector), and the visited set is exact when it keeps
/// the vectors, even with a hash so short that distinct states collide all the time.
/// </summary>
public sealed class StateVectorTests
{
    private static readonly ExploreOptions Small = ExploreOptions.Default with
    {
        MaxRoots = 2, MaxPages = 2, MaxLevel = 3, Slots = [0, 1], MaxOperations = 3, Shrink = false, Parallelism = 2,
    };

    [Theory]
    [InlineData("legacy", "recursive")]
    [InlineData("legacy", "mutant_no_stale_clear")]
    public void PackThenUnpack_IsTheSameState(string first, string second)
    {
        var a = WalkAlgorithms.Find(first)!;
        var b = WalkAlgorithms.Find(second)!;
        int[] slots = [0, 1];
        var random = new Random(16);
        int checkedStates = 0;
        foreach (var shape in ShapeEnumerator.Enumerate(Small).Where((_, i) => i % 7 == 0))
        {
            var pair = EnginePair.Build(shape, 3, a, b);
            var restored = EnginePair.Build(shape, 3, a, b);
            var vector = new byte[StateVector.Bound(pair, slots)];
            var again = new byte[vector.Length];
            for (int step = 0; step < 6; step++)
            {
                var ops = pair.ValidOperations(shape, slots);
                if (ops.Count == 0 || pair.AlgorithmFailure != null || pair.StructuralDivergence != null)
                {
                    break;
                }

                pair.Apply(ops[random.Next(ops.Count)], shape);
                int length = StateVector.Pack(pair, slots, vector);
                Assert.True(length <= vector.Length);
                StateVector.Unpack(vector.AsSpan(0, length), slots, restored);
                Assert.Equal(StateHash.Of(pair), StateHash.Of(restored));
                Assert.Equal(length, StateVector.Pack(restored, slots, again));
                Assert.Equal(vector.AsSpan(0, length).ToArray(), again.AsSpan(0, length).ToArray());
                Assert.Equal(pair.ValidOperations(shape, slots), restored.ValidOperations(shape, slots));
                checkedStates++;
            }
        }

        Assert.True(checkedStates > 100, $"{checkedStates} states checked");
    }

    [Fact]
    public void Unpack_ZeroesTheCounters_ButStatUnsync()
    {
        var shape = new Shape(1, [2, 1], [new ShapeLink(0, 0, 1)]);
        var pair = EnginePair.Build(shape, 3, WalkAlgorithms.Legacy, WalkAlgorithms.Recursive);
        const int leaf = 1;
        pair.Apply(new Operation(OperationKind.Unsync, leaf), shape);
        pair.Apply(new Operation(OperationKind.Sync, 0), shape);
        pair.Apply(new Operation(OperationKind.Unsync, leaf), shape);
        var vector = new byte[StateVector.Bound(pair, [0, 1])];
        int length = StateVector.Pack(pair, [0, 1], vector);

        Assert.True(pair.First.Stats.Walks > 0);
        StateVector.Unpack(vector.AsSpan(0, length), [0, 1], pair);
        Assert.Equal(1, pair.First.Stats.Unsync);
        Assert.Equal(1, pair.FirstPages[leaf].Syncs);
        Assert.True(pair.FirstPages[leaf].Unsync);
        Assert.Equal(0, pair.First.Stats.Walks);
        Assert.Equal(0, pair.Second.Stats.Syncs);
        Assert.Empty(pair.First.Warnings);
        Assert.Empty(pair.First.SyncPostconditionViolations);
    }

    [Fact]
    public void Pack_RefusesAStateOutsideTheSlots()
    {
        var shape = ShapeEnumerator.Enumerate(Small).First(s => s.Links.Any(l => l.Slot == 1));
        var pair = EnginePair.Build(shape, 3, WalkAlgorithms.Legacy, WalkAlgorithms.Recursive);
        var e = Assert.Throws<MmuException>(() => StateVector.Pack(pair, [0], new byte[StateVector.Bound(pair, [0])]));
        Assert.Contains("outside the slots", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("legacy", "recursive")]
    [InlineData("legacy", "mutant_no_stale_clear")]
    public void ExactStates_AreExact_EvenWhenEveryHashCollides(string first, string second)
    {
        var options = Small with { First = WalkAlgorithms.Find(first)!, Second = WalkAlgorithms.Find(second)! };
        var full = Explorer.Run(options);
        var exact = Explorer.Run(options with { ExactStates = true });

        // Six bits of hash: 64 values for thousands of states per shape.
        var collidingHashes = Explorer.Run(options with { StateHashBits = 6 });
        var collidingExact = Explorer.Run(options with { StateHashBits = 6, ExactStates = true });

        Assert.True(collidingHashes.States < full.States, $"{collidingHashes.States} states with colliding hashes, {full.States} with full ones");
        foreach (var r in new[] { exact, collidingExact })
        {
            Assert.Equal(full.States, r.States);
            Assert.Equal(full.Transitions, r.Transitions);
            Assert.Equal(full.Computed, r.Computed);
            foreach (var c in Enum.GetValues<FindingClass>())
            {
                Assert.Equal(full.Classes[c].Count, r.Classes[c].Count);
            }
        }
    }

    [Fact]
    public void Report_GivesBytesPerStateAndMemory()
    {
        var report = Explorer.Run(Small);
        Assert.InRange(report.BytesPerState, 10, 200);
        Assert.True(report.Vectors > 0 && report.Vectors <= report.States, $"{report.Vectors} vectors, {report.States} states");
        Assert.True(report.LargestSearchBytes > 0 && report.PeakSearchBytes >= report.LargestSearchBytes, $"{report.LargestSearchBytes} {report.PeakSearchBytes}");
        Assert.True(report.MemoryPerState > 0);
        Assert.True(report.StatesPerSecond > 0);
    }
}
