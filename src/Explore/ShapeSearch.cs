using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.InteropServices;
using MmuDsl.Mmu;
using MmuDsl.Mmu.Algorithms;
using MmuDsl.Mmu.Invariants;

namespace MmuDsl.Explore;

/// <summary>
/// The search of one shape: breadth first over operation sequences up to the bound, every state
/// deduplicated by its <see cref="StateHash"/>, every transition checked (invariants and warnings
/// under each algorithm, then the comparison of the two states).
/// <para>
/// Batch capacities share work. A node of the search is a pair state together with the set of
/// the shape's capacities it stands for, and a transition is run once, under the smallest
/// capacity of the set. If no walk filled its batch during it, the run under any larger capacity
/// is the same run (a batch only matters once it is full), so the result stands for the whole
/// set; otherwise the smallest capacity keeps the result and the transition is run again for
/// the rest. The search starts with one node standing for every capacity. States are
/// deduplicated per capacity, so the counts are those of one search per capacity
/// (<see cref="ExploreOptions.ShareCapacities"/> off, which the tests compare against).
/// </para>
/// <para>
/// States are not replayed: each node to be extended keeps a clone of its pair, and each
/// operation is tried on a scratch pair restored from it with <see cref="EnginePair.CopyFrom"/>,
/// which allocates nothing.
/// </para>
/// </summary>
internal sealed class ShapeSearch
{
    private readonly Shape _shape;
    private readonly int _shapeOrder;
    private readonly int[] _capacities;
    private readonly ExploreOptions _options;
    private readonly ExploreAccumulator _acc;
    private readonly EnginePair _scratch;
    private readonly EnginePair _initial;
    // Each state with the capacities it was already reached under: a (state, capacity) pair is
    // explored once, at the first depth it is reached (breadth first: the smallest).
    private readonly Dictionary<(ulong, ulong), int> _seen = [];
    private List<Node> _next = [];

    public ShapeSearch(Shape shape, int shapeOrder, int[] capacities, ExploreOptions options, UnsyncWalkAlgorithm first, UnsyncWalkAlgorithm second, ExploreAccumulator acc)
    {
        _shape = shape;
        _shapeOrder = shapeOrder;
        _capacities = capacities;
        _options = options;
        _acc = acc;
        _initial = EnginePair.Build(shape, capacities[0], first, second);
        _scratch = _initial.Clone();
    }

    public void Run()
    {
        int all = (1 << _capacities.Length) - 1;
        _seen.Add(StateHash.Of(_initial), all);
        _acc.States += _capacities.Length;
        var frontier = new List<Node>();
        if (_options.ShareCapacities)
        {
            frontier.Add(new Node(_initial, ImmutableArray<Operation>.Empty, all));
        }
        else
        {
            for (int i = 0; i < _capacities.Length; i++)
            {
                frontier.Add(new Node(_initial, ImmutableArray<Operation>.Empty, 1 << i));
            }
        }

        for (int depth = 0; depth < _options.MaxOperations && frontier.Count > 0; depth++)
        {
            bool extend = depth + 1 < _options.MaxOperations;
            _next = [];
            foreach (var node in frontier)
            {
                foreach (var op in node.Pair.ValidOperations(_shape, _options.Slots, _options.RawLink, _options.Yields))
                {
                    Transition(node, op, node.Capacities, extend);
                }
            }

            frontier = _next;
        }
    }

    /// <summary>Runs <paramref name="op"/> from <paramref name="node"/> for the capacities in <paramref name="capacities"/>.</summary>
    private void Transition(Node node, Operation op, int capacities, bool extend)
    {
        int lowest = BitOperations.TrailingZeroCount(capacities);
        int capacity = _capacities[lowest];
        var pair = _scratch;
        pair.CopyFrom(node.Pair);
        pair.Capacity = capacity;
        var statsA = pair.First.Stats.Snapshot();
        var statsB = pair.Second.Stats.Snapshot();
        int warningsA = pair.First.Warnings.Count;
        int warningsB = pair.Second.Warnings.Count;
        int violationsA = pair.First.SyncPostconditionViolations.Count;
        int violationsB = pair.Second.SyncPostconditionViolations.Count;
        pair.Apply(op, _shape);

        int stands = capacities;
        int rest = 0;
        if (pair.FullBatches != statsA.FullBatches + statsB.FullBatches && capacities != (1 << lowest))
        {
            stands = 1 << lowest;
            rest = capacities & ~stands;
        }

        int weight = BitOperations.PopCount((uint)stands);
        _acc.Computed++;
        _acc.Transitions += weight;
        ImmutableArray<Operation> sequence = default;
        bool diverged = Check(pair, node, op, capacity, weight, warningsA, warningsB, violationsA, violationsB, ref sequence);
        _acc.AddWork(pair.First.Stats, pair.Second.Stats, statsA, statsB, weight);
        _acc.ConsiderRatio(_shape, _shapeOrder, capacity, node.Operations, op, pair.First.Stats.Visits, pair.Second.Stats.Visits);
        int fresh = diverged ? 0 : Unseen(StateHash.Of(pair), stands);
        if (fresh != 0)
        {
            _acc.States += BitOperations.PopCount((uint)fresh);
            if (extend)
            {
                if (_next.Count == _options.MaxFrontier)
                {
                    throw new ExploreLimitException(
                        $"the search of shape {_shape} holds more than {_options.MaxFrontier:N0} states to extend after {node.Operations.Length + 1} operations, too many to keep in memory (lower --ops)");
                }

                _next.Add(new Node(pair.Clone(), sequence.IsDefault ? node.Operations.Add(op) : sequence, fresh));
            }
        }

        if (rest != 0)
        {
            Transition(node, op, rest, extend);
        }
    }

    /// <summary>Checks one transition; true when the two states diverged semantically (not explored further).</summary>
    private bool Check(EnginePair pair, Node node, Operation op, int capacity, int weight, int warningsA, int warningsB, int violationsA, int violationsB, ref ImmutableArray<Operation> sequence)
    {
        if (pair.AlgorithmFailure is { } failure)
        {
            // The states are what the failing code left: nothing else about them is checked.
            if (Keeps(FindingClass.AlgorithmFailed, node))
            {
                sequence = sequence.IsDefault ? node.Operations.Add(op) : sequence;
                _acc.Add(new Finding(FindingClass.AlgorithmFailed, _shape, capacity, sequence, failure) { ShapeOrder = _shapeOrder }, weight);
            }
            else
            {
                _acc.Classes[FindingClass.AlgorithmFailed].Count += weight;
            }

            return true;
        }

        CheckEngine(pair.First, warningsA, violationsA, node, op, capacity, weight, ref sequence);
        CheckEngine(pair.Second, warningsB, violationsB, node, op, capacity, weight, ref sequence);
        if (Explorer.Classify(pair, describe: false) is not { } c)
        {
            return false;
        }

        if (Keeps(c.Class, node))
        {
            sequence = sequence.IsDefault ? node.Operations.Add(op) : sequence;
            _acc.Add(new Finding(c.Class, _shape, capacity, sequence, Explorer.Classify(pair)!.Value.Description!) { ShapeOrder = _shapeOrder }, weight);
        }
        else
        {
            _acc.Classes[c.Class].Count += weight;
        }

        return c.Class is FindingClass.SemanticDivergence or FindingClass.SemanticDivergenceAfterInterrupt or FindingClass.SemanticDivergenceAfterYield;
    }

    private void CheckEngine(ShadowMmu mmu, int warningsBefore, int violationsBefore, Node node, Operation op, int capacity, int weight, ref ImmutableArray<Operation> sequence)
    {
        bool newViolation = mmu.SyncPostconditionViolations.Count > violationsBefore;
        bool holds = !newViolation && (violationsBefore == 0 ? InvariantChecker.Holds(mmu) : InvariantChecker.Check(mmu).Count == violationsBefore);
        if (holds && mmu.Warnings.Count == warningsBefore)
        {
            return;
        }

        var warning = ExpectedWarnings.FirstUnexpected(mmu, warningsBefore, capacity, _shape);
        if (holds && warning == null)
        {
            _acc.ExpectedNoProgress += weight;
            return;
        }

        if (!Keeps(FindingClass.InvariantViolation, node))
        {
            _acc.Classes[FindingClass.InvariantViolation].Count += weight;
            return;
        }

        string what = holds ? $"WARN {warning}" : InvariantChecker.Check(mmu).First().ToString();
        sequence = sequence.IsDefault ? node.Operations.Add(op) : sequence;
        _acc.Add(new Finding(FindingClass.InvariantViolation, _shape, capacity, sequence, $"under {mmu.Algorithm.Name}: {what}") { ShapeOrder = _shapeOrder }, weight);
    }

    // Whether an instance one operation longer than the node's would replace the class's smallest.
    private bool Keeps(FindingClass cls, Node node)
    {
        var smallest = _acc.Classes[cls].Smallest;
        return smallest == null || ((node.Operations.Length + 1, _shape.PageCount, _shape.Links.Length), _shapeOrder).CompareTo((smallest.Size, smallest.ShapeOrder)) < 0;
    }

    // The capacities of `capacities` under which `state` was not reached before; records them.
    private int Unseen((ulong, ulong) state, int capacities)
    {
        ref int seen = ref CollectionsMarshal.GetValueRefOrAddDefault(_seen, state, out _);
        int fresh = capacities & ~seen;
        seen |= capacities;
        return fresh;
    }

    private sealed record Node(EnginePair Pair, ImmutableArray<Operation> Operations, int Capacities);
}
