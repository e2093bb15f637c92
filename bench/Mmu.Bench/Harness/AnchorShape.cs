using MmuDsl.Explore;
using MmuDsl.Mmu.Algorithms;

namespace MmuDsl.Mmu.Bench.Harness;

/// <summary>
/// The one shape of the SPIN anchor (bench/spin/unsync.pml): root R level 3; A under R[0] and B
/// under R[1], level 2; leaf L1 under A[0] and B[0], leaf L2 under B[1]; slots 0 and 1; links with
/// <c>link_shadow_page</c> alone (the explorer's <c>--raw-link</c>); legacy against recursive. Here
/// the explorer's names: R1, B1, B2, L1, L2.
/// </summary>
internal static class AnchorShape
{
    public static readonly Shape Shape = new(
        1,
        [3, 2, 2, 1, 1],
        [new ShapeLink(0, 0, 1), new ShapeLink(0, 1, 2), new ShapeLink(1, 0, 3), new ShapeLink(2, 0, 3), new ShapeLink(2, 1, 4)]);

    /// <summary>The explorer's bounds on this shape: slots {0, 1}, raw links, <paramref name="k"/> operations, one thread.</summary>
    public static ExploreOptions Options(int k) => ExploreOptions.Default with
    {
        Slots = [0, 1], RawLink = true, MaxOperations = k, Parallelism = 1, Shrink = false,
        First = WalkAlgorithms.Legacy, Second = WalkAlgorithms.Recursive,
    };

    /// <summary>What the explorer's per-shape search counted, and whether it found anything that spoils a verdict.</summary>
    public sealed record Counts(long States, long Transitions, long BytesHeld, bool Clean);

    /// <summary>The explorer's per-shape search (what <c>mmudsl explore</c> runs on each shape) under batch capacity <paramref name="pvec"/> alone.</summary>
    public static Counts Search(int k, int pvec)
    {
        var acc = new ExploreAccumulator();
        new ShapeSearch(Shape, 0, [pvec], Options(k), WalkAlgorithms.Legacy, WalkAlgorithms.Recursive, acc, new MemoryBudget(long.MaxValue)).Run();
        bool clean = acc.Classes[FindingClass.InvariantViolation].Count == 0 && acc.Classes[FindingClass.SemanticDivergence].Count == 0
            && acc.Classes[FindingClass.MetadataNotAllowed].Count == 0 && acc.Classes[FindingClass.AlgorithmFailed].Count == 0;
        return new Counts(acc.States, acc.Transitions, acc.LargestSearchBytes, clean);
    }

    /// <summary>
    /// The explorer's transition system counted as SPIN counts it: SPIN keeps the operation count
    /// k in its state, so it stores each (state, depth) pair, a state where the copies diverged
    /// included (stored, not extended), and its state has no parent-pte list (a parent pte is read
    /// off the sptes), so two states that differ only in the order of a page's parent ptes are one
    /// (<see cref="SpinState"/>). Breadth first, one set of states per depth; returns the pairs, and
    /// the operations tried from the pairs of depth below <paramref name="k"/>.
    /// </summary>
    public static (long Pairs, long Transitions) DepthPairs(int k, int pvec)
    {
        var options = Options(k);
        int[] slots = [.. options.Slots];
        var pair = EnginePair.Build(Shape, pvec, options.First, options.Second);
        var vector = new byte[StateVector.Bound(pair, slots)];
        var level = new List<byte[]> { vector.AsSpan(0, StateVector.Pack(pair, slots, vector)).ToArray() };
        long pairs = 1;
        long transitions = 0;
        for (int depth = 0; depth < k && level.Count > 0; depth++)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var next = new List<byte[]>();
            foreach (var state in level)
            {
                StateVector.Unpack(state, slots, pair);
                foreach (var op in pair.ValidOperations(Shape, options.Slots, options.RawLink))
                {
                    StateVector.Unpack(state, slots, pair);
                    pair.Apply(op, Shape);
                    transitions++;
                    bool diverged = Explorer.Classify(pair, describe: false) is { } c
                        && c.Class is FindingClass.SemanticDivergence or FindingClass.SemanticDivergenceAfterInterrupt or FindingClass.AlgorithmFailed;
                    if (seen.Add(SpinState(pair, diverged)) && !diverged)
                    {
                        next.Add(vector.AsSpan(0, StateVector.Pack(pair, slots, vector)).ToArray());
                    }
                }
            }

            pairs += seen.Count;
            level = next;
        }

        return (pairs, transitions);
    }

    /// <summary>
    /// The pair's state as the SPIN model holds it: per engine <c>stat.unsync</c> and per page its
    /// unsync, zapped and fail-next-sync flags, sync count, <c>unsync_children</c>, bitmap and the
    /// child at each slot; whether a sync was interrupted; whether the copies diverged.
    /// </summary>
    public static string SpinState(EnginePair pair, bool diverged)
    {
        var key = new System.Text.StringBuilder(96);
        key.Append(pair.Interrupted ? 'i' : '-').Append(diverged ? 'd' : '-');
        foreach (var (mmu, pages) in new[] { (pair.First, pair.FirstPages), (pair.Second, pair.SecondPages) })
        {
            key.Append('|').Append(mmu.Stats.Unsync);
            foreach (var p in pages)
            {
                key.Append(';').Append(p.Unsync ? 'u' : '-').Append(p.Zapped ? 'z' : '-').Append(p.FailNextSync ? 'f' : '-')
                    .Append(p.Syncs).Append(',').Append(p.UnsyncChildren).Append(',').Append(p.UnsyncChildBitmap.Word(0))
                    .Append(',').Append(p.SpteAt(0).Child?.Id ?? -1).Append(',').Append(p.SpteAt(1).Child?.Id ?? -1);
            }
        }

        return key.ToString();
    }
}
