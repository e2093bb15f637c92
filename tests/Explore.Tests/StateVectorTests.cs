using MmuDsl.Mmu;
using MmuDsl.Mmu.Algorithms;
using MmuDsl.Mmu.Invariants;

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

    // The search's way: restore a state known to the pair (only what differs), run an operation,
    // pack copying the pages whose sptes and parent ptes did not change. The bytes must be those
    // of a pack from scratch, and the invariants read off them those of the engines.
    [Theory]
    [InlineData("legacy", "recursive")]
    [InlineData("legacy", "mutant_no_stale_clear")]
    [InlineData("mutant_first_parent_marking", "legacy")]
    public void IncrementalPackAndRestore_AreThoseFromScratch(string first, string second)
    {
        var a = WalkAlgorithms.Find(first)!;
        var b = WalkAlgorithms.Find(second)!;
        int[] slots = [0, 1];
        var random = new Random(17);
        int checkedStates = 0;
        var verdicts = new HashSet<bool>();
        var classes = new HashSet<FindingClass?>();
        foreach (var shape in ShapeEnumerator.Enumerate(Small).Where((_, i) => i % 5 == 0))
        {
            var pair = EnginePair.Build(shape, 3, a, b);
            int bound = StateVector.Bound(pair, slots);
            int[] sptes = [.. pair.FirstPages.Select(p => p.Level >= 2 ? slots.Length : 0)];
            var held = new byte[bound];
            int heldLength = StateVector.Pack(pair, slots, held);
            var known = new List<byte[]> { held.AsSpan(0, heldLength).ToArray() };
            var vector = new byte[bound];
            var scratch = new byte[bound];
            for (int step = 0; step < 40; step++)
            {
                var from = known[random.Next(known.Count)];
                StateVector.Unpack(from, slots, pair, held.AsSpan(0, heldLength));
                from.CopyTo(held, 0);
                heldLength = from.Length;
                var ops = pair.ValidOperations(shape, slots);
                if (ops.Count == 0)
                {
                    continue;
                }

                pair.Apply(ops[random.Next(ops.Count)], shape);
                if (pair.AlgorithmFailure != null || pair.StructuralDivergence != null)
                {
                    StateVector.Unpack(from, slots, pair);
                    from.CopyTo(held, 0);
                    heldLength = from.Length;
                    continue;
                }

                int length = StateVector.Pack(pair, slots, vector, held.AsSpan(0, heldLength), out bool alike, out int firstLength);
                int again = StateVector.Pack(pair, slots, scratch, out bool alikeAgain);
                Assert.Equal(again, length);
                Assert.Equal(scratch.AsSpan(0, again).ToArray(), vector.AsSpan(0, length).ToArray());
                Assert.Equal(alikeAgain, alike);
                Assert.Equal(InvariantChecker.Holds(pair.First), InvariantChecker.Holds(pair.First, vector.AsSpan(1, firstLength), slots.Length));
                Assert.Equal(InvariantChecker.Holds(pair.Second), InvariantChecker.Holds(pair.Second, vector.AsSpan(1 + firstLength, length - 1 - firstLength), slots.Length));
                verdicts.Add(InvariantChecker.Holds(pair.First) && InvariantChecker.Holds(pair.Second));
                if (!alike)
                {
                    var expected = Explorer.Classify(pair, describe: false)?.Class;
                    Assert.Equal(expected, StateVector.Classify(pair, vector.AsSpan(0, length), firstLength, sptes));
                    classes.Add(expected);
                }

                vector.AsSpan(0, length).CopyTo(held);
                heldLength = length;
                known.Add(vector.AsSpan(0, length).ToArray());
                checkedStates++;
            }
        }

        Assert.True(checkedStates > 500, $"{checkedStates} states checked");
        Assert.Contains(true, verdicts);
        Assert.Contains(FindingClass.MetadataAllowed, classes);
        if (first.StartsWith("mutant", StringComparison.Ordinal))
        {
            // Missing bits: the classifier off the vector meets more than stale bits.
            Assert.Contains(false, verdicts);
            Assert.True(classes.Count >= 2, string.Join(", ", classes));
        }
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
