using MmuDsl.Mmu;
using MmuDsl.Mmu.Algorithms;

namespace MmuDsl.Explore;

/// <summary>
/// Two engines, one per algorithm, built from one shape and driven by the same operations. The
/// explorer keeps each state it will extend as a <see cref="StateVector"/>, and tries each
/// operation on a scratch pair restored from it (no allocation, no replay).
/// </summary>
internal sealed class EnginePair
{
    private EnginePair(ShadowMmu first, ShadowMmu second, ShadowPage[] firstPages, ShadowPage[] secondPages)
    {
        First = first;
        Second = second;
        FirstPages = firstPages;
        SecondPages = secondPages;
    }

    public ShadowMmu First { get; }

    public ShadowMmu Second { get; }

    public ShadowPage[] FirstPages { get; }

    public ShadowPage[] SecondPages { get; }

    /// <summary>True once a sync of the sequence returned -EINTR under either algorithm.</summary>
    public bool Interrupted { get; private set; }

    /// <summary>True once a sync of the sequence yielded (dropped mmu_lock mid-way) under either algorithm.</summary>
    public bool Yielded { get; private set; }

    /// <summary>Set when an operation was valid under the first algorithm and not under the second.</summary>
    public string? StructuralDivergence { get; private set; }

    /// <summary>Set when an algorithm's own code failed (<see cref="AlgorithmFailedException"/>): the states are then whatever it left.</summary>
    public string? AlgorithmFailure { get; private set; }

    public static EnginePair Build(Shape shape, int capacity, UnsyncWalkAlgorithm first, UnsyncWalkAlgorithm second)
    {
        var a = new ShadowMmu(first) { BatchCapacity = capacity, CheckSyncPostconditions = true };
        var b = new ShadowMmu(second) { BatchCapacity = capacity, CheckSyncPostconditions = true };
        return new EnginePair(a, b, shape.Build(a), shape.Build(b));
    }

    /// <summary>Both engines' batch capacity.</summary>
    public int Capacity
    {
        get => First.BatchCapacity;
        set
        {
            First.BatchCapacity = value;
            Second.BatchCapacity = value;
        }
    }

    /// <summary>Walks of either engine that filled the batch (-ENOSPC), so far.</summary>
    public long FullBatches => First.Stats.FullBatches + Second.Stats.FullBatches;

    /// <summary>Sets the pair's flags after its engines were restored from a <see cref="StateVector"/> (nothing diverged or failed in a state that is extended).</summary>
    public void Restore(bool interrupted, bool yielded)
    {
        Interrupted = interrupted;
        Yielded = yielded;
        StructuralDivergence = null;
        AlgorithmFailure = null;
    }

    /// <summary>
    /// Records that the state <paramref name="op"/> left cannot be packed into a
    /// <see cref="StateVector"/> (<paramref name="why"/>): an algorithm set a bit or linked an spte
    /// outside the explored slots. The search counts it as the algorithm's failure.
    /// </summary>
    public void Unpackable(Operation op, Shape shape, string why) =>
        AlgorithmFailure = $"'{op.ToStatement(shape)}' left a state the explorer cannot hold: {why}";

    /// <summary>Applies one operation to both engines.</summary>
    public void Apply(Operation op, Shape shape)
    {
        long interruptsA = First.Stats.Interrupted;
        long interruptsB = Second.Stats.Interrupted;
        long yieldsA = First.Stats.Yields;
        long yieldsB = Second.Stats.Yields;
        try
        {
            op.Apply(First, FirstPages);
        }
        catch (AlgorithmFailedException e)
        {
            AlgorithmFailure = $"'{op.ToStatement(shape)}': {e.Message}";
            return;
        }

        try
        {
            op.Apply(Second, SecondPages);
        }
        catch (AlgorithmFailedException e)
        {
            AlgorithmFailure = $"'{op.ToStatement(shape)}': {e.Message}";
        }
        catch (MmuException e)
        {
            StructuralDivergence = $"'{op.ToStatement(shape)}' is valid under {First.Algorithm.Name} but not under {Second.Algorithm.Name}: {e.Message}";
        }

        if (First.Stats.Interrupted != interruptsA || Second.Stats.Interrupted != interruptsB)
        {
            Interrupted = true;
        }

        if (First.Stats.Yields != yieldsA || Second.Stats.Yields != yieldsB || op.Kind == OperationKind.SyncYield)
        {
            Yielded = true;
        }
    }

    /// <summary>
    /// The operations valid in the first engine's state: unsync, fail-sync, sync (plain and
    /// interrupted), zap, unlink, and link (through the fault path, with and without an interrupted
    /// sync, or the raw link with <paramref name="rawLink"/>); with <paramref name="yields"/>, for
    /// each page a sync may start at, a sync that yields after its first batch with each operation
    /// valid at that yield point (found by running the sync on a probe of the first engine).
    /// </summary>
    public List<Operation> ValidOperations(Shape shape, IReadOnlyList<int> slots, bool rawLink = false, bool yields = false)
    {
        var ops = new List<Operation>();
        ValidOperations(ops, shape, slots, rawLink, yields);
        return ops;
    }

    /// <summary>The same, into <paramref name="ops"/> (cleared first), so that a search reuses one list.</summary>
    public void ValidOperations(List<Operation> ops, Shape shape, IReadOnlyList<int> slots, bool rawLink, bool yields)
    {
        ops.Clear();
        AddSimpleOperations(ops, FirstPages, shape, slots, rawLink);
        if (!yields)
        {
            return;
        }

        int simple = ops.Count;
        for (int n = 0; n < simple; n++)
        {
            if (ops[n].Kind == OperationKind.Sync && FirstPages[ops[n].Page].IsRoot)
            {
                foreach (var inner in OperationsAtYield(ops[n].Page, shape, slots, rawLink))
                {
                    ops.Add(Operation.Yielding(ops[n].Page, inner));
                }
            }
        }
    }

    private ShadowMmu? _probe;
    private ShadowPage[]? _probePages;

    /// <summary>What may run at the yield point of a sync of page <paramref name="page"/> that yields after its first batch.</summary>
    private List<Operation> OperationsAtYield(int page, Shape shape, IReadOnlyList<int> slots, bool rawLink)
    {
        if (_probe == null)
        {
            _probe = First.Clone();
            _probePages = [.. _probe.Pages];
        }

        _probe.CopyStateFrom(First);
        var pages = _probePages!;
        var found = new List<Operation>();
        bool yielded = false;
        try
        {
            _probe.SyncChildrenYielding(pages[page], 1, () =>
            {
                yielded = true;
                AddSimpleOperations(found, pages, shape, slots, rawLink);
            });
        }
        catch (AlgorithmFailedException)
        {
            // The plain sync of the page shows the failure.
            return [];
        }

        if (!yielded)
        {
            AddSimpleOperations(found, pages, shape, slots, rawLink);
        }

        return found;
    }

    private static void AddSimpleOperations(List<Operation> ops, ShadowPage[] pages, Shape shape, IReadOnlyList<int> slots, bool rawLink)
    {
        for (int i = 0; i < pages.Length; i++)
        {
            var p = pages[i];
            if (p.Zapped)
            {
                continue;
            }

            if (p.Level == 1)
            {
                if (!p.Unsync)
                {
                    ops.Add(new Operation(OperationKind.Unsync, i));
                }

                if (!p.FailNextSync)
                {
                    ops.Add(new Operation(OperationKind.FailSync, i));
                }
            }

            if (p.ChildCount > 0)
            {
                ops.Add(new Operation(OperationKind.Sync, i));
                ops.Add(new Operation(OperationKind.SyncInterrupted, i));
            }

            ops.Add(new Operation(OperationKind.Zap, i));
            if (p.Level < 2)
            {
                continue;
            }

            for (int n = 0; n < slots.Count; n++)
            {
                int slot = slots[n];
                var spte = p.SpteAt(slot);
                if (spte.Kind == SpteKind.Link)
                {
                    ops.Add(new Operation(OperationKind.Unlink, i, slot));
                    continue;
                }

                if (spte.IsPresent)
                {
                    continue;
                }

                for (int c = shape.Roots; c < pages.Length; c++)
                {
                    var child = pages[c];
                    if (child.Zapped || child.Level != p.Level - 1)
                    {
                        continue;
                    }

                    if (rawLink)
                    {
                        ops.Add(new Operation(OperationKind.Link, i, slot, c));
                        continue;
                    }

                    ops.Add(new Operation(OperationKind.LinkFetch, i, slot, c));
                    if (child.UnsyncChildren > 0)
                    {
                        // Only then does the fault path sync, and only then can that sync be interrupted.
                        ops.Add(new Operation(OperationKind.LinkFetchInterrupted, i, slot, c));
                    }
                }
            }
        }
    }
}
