using System.Collections.Immutable;
using System.Numerics;
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
/// States are not replayed, nor cloned: the frontier holds each state to extend as a
/// <see cref="StateVector"/> (with the capacities it stands for, and the sequence that reached it
/// first), and each operation is tried on a scratch pair restored from it. The visited set holds
/// 128-bit hashes of the vectors, or the vectors themselves (<see cref="VisitedStates"/>). Both
/// take their memory from the exploration's <see cref="MemoryBudget"/>.
/// </para>
/// </summary>
internal sealed class ShapeSearch
{
    private readonly Shape _shape;
    private readonly int _shapeOrder;
    private readonly int[] _capacities;
    private readonly int[] _slots;
    private readonly ExploreOptions _options;
    private readonly ExploreAccumulator _acc;
    private readonly MemoryBudget _budget;
    private readonly EnginePair _scratch;
    private byte[] _vector;

    // Per page, its child bytes in a vector: the slot count above level 1, else 0.
    private readonly int[] _pageSptes;

    // The vector of the state the scratch pair holds, or an empty one when that is not known
    // (after a transition that diverged or failed): restoring a state rewrites only the pages
    // that differ from it.
    private byte[] _held;
    private int _heldLength;
    private readonly List<Operation> _operations = [];
    private int _depth;
    private VisitedStates? _seen;
    private Frontier? _next;

    // The node being extended: its vector's sequence, decoded only when a finding or the work ratio needs it.
    private byte[] _nodeSequence = [];
    private int _nodeSequenceLength;
    private ImmutableArray<Operation> _nodeOperations;
    private int _nodeVisitsA;
    private int _nodeVisitsB;
    private readonly Func<ImmutableArray<Operation>> _nodeOperationsGetter;

    public ShapeSearch(Shape shape, int shapeOrder, int[] capacities, ExploreOptions options, UnsyncWalkAlgorithm first, UnsyncWalkAlgorithm second, ExploreAccumulator acc, MemoryBudget budget)
    {
        _shape = shape;
        _shapeOrder = shapeOrder;
        _capacities = capacities;
        _slots = [.. options.Slots];
        _options = options;
        _acc = acc;
        _budget = budget;
        _scratch = EnginePair.Build(shape, capacities[0], first, second);
        _vector = new byte[StateVector.Bound(_scratch, _slots)];
        _held = new byte[_vector.Length];
        _pageSptes = [.. _scratch.FirstPages.Select(p => p.Level >= 2 ? _slots.Length : 0)];
        _nodeOperationsGetter = () => NodeOperations;
    }

    public void Run()
    {
        using var seen = new VisitedStates(_budget, Where, _options.ExactStates, _options.StateHashBits);
        using var frontier = new Frontier(_budget, Where);
        using var next = new Frontier(_budget, Where);
        _seen = seen;
        int all = (1 << _capacities.Length) - 1;
        int length = StateVector.Pack(_scratch, _slots, _vector);
        seen.Unseen(_vector.AsSpan(0, length), all);
        _acc.States += _capacities.Length;
        _acc.AddVector(length);
        var (current, following) = (frontier, next);
        var initial = _vector.AsSpan(0, length).ToArray();
        bool extend = _options.MaxOperations > 1;
        _depth = 0;
        _next = following;
        if (_options.MaxOperations > 0)
        {
            // The empty sequence: one node standing for every capacity, or one per capacity.
            for (int i = 0; i < (_options.ShareCapacities ? 1 : _capacities.Length); i++)
            {
                Extend(initial, _options.ShareCapacities ? all : 1 << i, 0, 0, [], extend);
            }
        }

        for (_depth = 1; _depth < _options.MaxOperations && following.Count > 0; _depth++)
        {
            (current, following) = (following, current);
            following.Rewind();
            _next = following;
            extend = _depth + 1 < _options.MaxOperations;
            var cursor = default(Frontier.Cursor);
            while (current.Next(ref cursor, out var node))
            {
                Extend(node.Vector, node.Capacities, node.VisitsA, node.VisitsB, node.Sequence, extend);
            }
        }

        _acc.ConsiderMemory(seen.Bytes + frontier.Bytes + next.Bytes, seen.Count);
        _seen = null;
        _next = null;
    }

    private string Where() =>
        FormattableString.Invariant($"the search of shape {_shape} after {_depth + 1} operations ({_seen?.Count ?? 0:N0} states seen, {_next?.Count ?? 0:N0} to extend)");

    // Tries every operation valid in the node's state.
    private void Extend(ReadOnlySpan<byte> vector, int capacities, int visitsA, int visitsB, ReadOnlySpan<byte> sequence, bool extend)
    {
        if (_nodeSequence.Length < sequence.Length)
        {
            _nodeSequence = new byte[sequence.Length * 2];
        }

        sequence.CopyTo(_nodeSequence);
        _nodeSequenceLength = sequence.Length;
        _nodeOperations = default;
        _nodeVisitsA = visitsA;
        _nodeVisitsB = visitsB;
        Restore(vector);
        _scratch.ValidOperations(_operations, _shape, _options.Slots, _options.RawLink, _options.Yields);
        bool restored = true;
        foreach (var op in _operations)
        {
            Transition(vector, op, capacities, extend, ref restored);
        }
    }

    // Makes the scratch pair hold `vector`, rewriting only the pages that differ from what it holds.
    private void Restore(ReadOnlySpan<byte> vector)
    {
        StateVector.Unpack(vector, _slots, _scratch, _held.AsSpan(0, _heldLength));
        vector.CopyTo(_held);
        _heldLength = vector.Length;
    }

    /// <summary>The sequence of the node being extended.</summary>
    private ImmutableArray<Operation> NodeOperations
    {
        get
        {
            if (_nodeOperations.IsDefault)
            {
                _nodeOperations = OperationBytes.Read(_nodeSequence.AsSpan(0, _nodeSequenceLength));
            }

            return _nodeOperations;
        }
    }

    /// <summary>Runs <paramref name="op"/> from the node's state <paramref name="vector"/> for the capacities in <paramref name="capacities"/>.</summary>
    private void Transition(ReadOnlySpan<byte> vector, Operation op, int capacities, bool extend, ref bool restored)
    {
        int lowest = BitOperations.TrailingZeroCount(capacities);
        int capacity = _capacities[lowest];
        var pair = _scratch;
        if (!restored)
        {
            Restore(vector);
        }

        restored = false;
        if (pair.Capacity != capacity)
        {
            pair.Capacity = capacity;
        }

        // Restored engines start with zero counters, no warnings and no recorded violations: what
        // the operation adds is what they hold after it.
        pair.Apply(op, _shape);

        int stands = capacities;
        int rest = 0;
        if (pair.FullBatches != 0 && capacities != (1 << lowest))
        {
            stands = 1 << lowest;
            rest = capacities & ~stands;
        }

        int weight = BitOperations.PopCount((uint)stands);
        _acc.Computed++;
        _acc.Transitions += weight;
        ImmutableArray<Operation> sequence = default;

        // Packed before it is checked: when both engines pack alike, the comparison has nothing to find.
        int length = 0;
        int first = 0;
        bool alike = false;
        if (pair.AlgorithmFailure == null && pair.StructuralDivergence == null)
        {
            try
            {
                // The pair held `_held` before the operation (Restore): pages it left alone are copied.
                length = StateVector.Pack(pair, _slots, _vector, _held.AsSpan(0, _heldLength), out alike, out first);
            }
            catch (MmuException e)
            {
                pair.Unpackable(op, _shape, e.Message);
            }
        }

        // Hashed now, and its slot of the visited set asked for, so that the load overlaps the checks.
        (ulong lo, ulong hi) = length > 0 ? StateHash.Of(_vector.AsSpan(0, length)) : default;
        if (length > 0)
        {
            _seen!.Prefetch(lo);
        }

        bool diverged = Check(pair, op, capacity, weight, alike, _vector.AsSpan(0, length), first, ref sequence);
        _acc.AddWork(pair.First.Stats, pair.Second.Stats, weight);
        long visitsA = _nodeVisitsA + pair.First.Stats.Visits;
        long visitsB = _nodeVisitsB + pair.Second.Stats.Visits;
        _acc.ConsiderRatio(_shape, _shapeOrder, capacity, _depth, _nodeOperationsGetter, op, visitsA, visitsB);
        _heldLength = 0;
        if (!diverged)
        {
            var packed = _vector.AsSpan(0, length);
            (_held, _vector, _heldLength) = (_vector, _held, length);
            int fresh = _seen!.Unseen(packed, lo, hi, stands);
            if (fresh != 0)
            {
                _acc.States += BitOperations.PopCount((uint)fresh);
                if (fresh == stands)
                {
                    _acc.AddVector(length);
                }

                if (extend)
                {
                    _next!.Add(packed, fresh, visitsA, visitsB, _nodeSequence.AsSpan(0, _nodeSequenceLength), op);
                }
            }
        }

        if (rest != 0)
        {
            Transition(vector, op, rest, extend, ref restored);
        }
    }

    /// <summary>Checks one transition; true when the two states diverged semantically (not explored further).</summary>
    // `packed` is the pair's vector (the first engine's `first` bytes from byte 1, then the
    // second's), or empty when it was not packed: the invariants are read off it.
    private bool Check(EnginePair pair, Operation op, int capacity, int weight, bool alike, ReadOnlySpan<byte> packed, int first, ref ImmutableArray<Operation> sequence)
    {
        if (pair.AlgorithmFailure is { } failure)
        {
            // The states are what the failing code left: nothing else about them is checked.
            if (Keeps(FindingClass.AlgorithmFailed))
            {
                sequence = sequence.IsDefault ? NodeOperations.Add(op) : sequence;
                _acc.Add(new Finding(FindingClass.AlgorithmFailed, _shape, capacity, sequence, failure) { ShapeOrder = _shapeOrder }, weight);
            }
            else
            {
                _acc.Classes[FindingClass.AlgorithmFailed].Count += weight;
            }

            return true;
        }

        bool firstHolds;
        bool secondHolds;
        if (packed.IsEmpty)
        {
            firstHolds = InvariantChecker.Holds(pair.First);
            secondHolds = InvariantChecker.Holds(pair.Second);
        }
        else
        {
            firstHolds = InvariantChecker.Holds(pair.First, packed.Slice(1, first), _slots.Length);

            // Engines that pack alike agree on invariants 1 to 3; only their recorded violations of 4 may differ.
            secondHolds = alike && pair.First.SyncPostconditionViolations.Count == 0
                ? firstHolds && pair.Second.SyncPostconditionViolations.Count == 0
                : InvariantChecker.Holds(pair.Second, packed[(1 + first)..], _slots.Length);
        }

        CheckEngine(pair.First, firstHolds, op, capacity, weight, ref sequence);
        CheckEngine(pair.Second, secondHolds, op, capacity, weight, ref sequence);
        if (alike)
        {
            return false;
        }

        // Off the vector when there is one (the same class, StateVector.Classify says why).
        var found = packed.IsEmpty ? Explorer.Classify(pair, describe: false)?.Class : StateVector.Classify(pair, packed, first, _pageSptes);
        if (found is not { } c)
        {
            return false;
        }

        if (Keeps(c))
        {
            sequence = sequence.IsDefault ? NodeOperations.Add(op) : sequence;
            _acc.Add(new Finding(c, _shape, capacity, sequence, Explorer.Classify(pair)!.Value.Description!) { ShapeOrder = _shapeOrder }, weight);
        }
        else
        {
            _acc.Classes[c].Count += weight;
        }

        return c is FindingClass.SemanticDivergence or FindingClass.SemanticDivergenceAfterInterrupt or FindingClass.SemanticDivergenceAfterYield;
    }

    // The engine was restored before the operation, with no warnings and no recorded violations:
    // whatever it holds now, the operation did.
    // `holds`: the verdict of InvariantChecker.Holds on it.
    private void CheckEngine(ShadowMmu mmu, bool holds, Operation op, int capacity, int weight, ref ImmutableArray<Operation> sequence)
    {
        if (holds && mmu.Warnings.Count == 0)
        {
            return;
        }

        var warning = ExpectedWarnings.FirstUnexpected(mmu, 0, capacity, _shape);
        if (holds && warning == null)
        {
            _acc.ExpectedNoProgress += weight;
            return;
        }

        if (!Keeps(FindingClass.InvariantViolation))
        {
            _acc.Classes[FindingClass.InvariantViolation].Count += weight;
            return;
        }

        string what = holds ? $"WARN {warning}" : InvariantChecker.Check(mmu).First().ToString();
        sequence = sequence.IsDefault ? NodeOperations.Add(op) : sequence;
        _acc.Add(new Finding(FindingClass.InvariantViolation, _shape, capacity, sequence, $"under {mmu.Algorithm.Name}: {what}") { ShapeOrder = _shapeOrder }, weight);
    }

    // Whether an instance one operation longer than the node's would replace the class's smallest.
    private bool Keeps(FindingClass cls)
    {
        var smallest = _acc.Classes[cls].Smallest;
        return smallest == null || ((_depth + 1, _shape.PageCount, _shape.Links.Length), _shapeOrder).CompareTo((smallest.Size, smallest.ShapeOrder)) < 0;
    }
}
