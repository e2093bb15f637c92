using System.Collections.Immutable;
using MmuDsl.Mmu;
using MmuDsl.Mmu.Algorithms;
using MmuDsl.Mmu.Invariants;

namespace MmuDsl.Explore;

/// <summary>
/// Shrinks a finding to a smaller instance of the same class: fewer operations, fewer pages, fewer
/// links, lower slot indexes, the default batch capacity. Greedy: applies the first reduction that
/// still reproduces, until none does.
/// </summary>
internal static class Shrinker
{
    public static Finding Shrink(Finding finding, UnsyncWalkAlgorithm first, UnsyncWalkAlgorithm second, IReadOnlyList<int> slots)
    {
        var current = finding;
        for (int round = 0; round < 1000; round++)
        {
            var smaller = Candidates(current, slots)
                .Select(c => Reproduce(c.Shape, c.Capacity, c.Operations, current.Class, first, second))
                .FirstOrDefault(f => f != null);
            if (smaller == null)
            {
                return current;
            }

            current = smaller;
        }

        return current;
    }

    private static IEnumerable<(Shape Shape, int Capacity, ImmutableArray<Operation> Operations)> Candidates(Finding f, IReadOnlyList<int> slots)
    {
        for (int i = 0; i < f.Operations.Length; i++)
        {
            yield return (f.Shape, f.Capacity, f.Operations.RemoveAt(i));
        }

        // A yielding sync without its yield, or its inner operation alone.
        for (int i = 0; i < f.Operations.Length; i++)
        {
            var op = f.Operations[i];
            if (op.Kind == OperationKind.SyncYield)
            {
                yield return (f.Shape, f.Capacity, f.Operations.SetItem(i, new Operation(OperationKind.Sync, op.Page)));
                yield return (f.Shape, f.Capacity, f.Operations.SetItem(i, op.Inner));
            }
        }

        for (int p = f.Shape.PageCount - 1; p >= 0; p--)
        {
            if (f.Shape.WithoutPage(p) is { } smaller)
            {
                var ops = f.Operations.Where(o => !o.Mentions(p)).Select(o => o.Renumbered(p)).ToImmutableArray();
                yield return (smaller, Math.Min(f.Capacity, ShadowMmu.DefaultBatchCapacity), ops);
            }
        }

        for (int l = 0; l < f.Shape.Links.Length; l++)
        {
            var link = f.Shape.Links[l];
            yield return (f.Shape.WithoutLink(l), f.Capacity, f.Operations.Where(o => !(o.Kind == OperationKind.Unlink && o.Page == link.Parent && o.Slot == link.Slot)).ToImmutableArray());
        }

        for (int l = 0; l < f.Shape.Links.Length; l++)
        {
            var link = f.Shape.Links[l];
            foreach (int slot in slots.Where(s => s < link.Slot))
            {
                if (!f.Shape.Links.Any(x => x.Parent == link.Parent && x.Slot == slot) && !f.Operations.Any(o => o.Page == link.Parent && o.Slot == slot && (o.IsLink || o.Kind == OperationKind.Unlink)))
                {
                    var ops = f.Operations.Select(o => o.Kind == OperationKind.Unlink && o.Page == link.Parent && o.Slot == link.Slot ? o with { Slot = slot } : o).ToImmutableArray();
                    yield return (f.Shape.WithLinkSlot(l, slot), f.Capacity, ops);
                }
            }
        }

        if (f.Capacity != ShadowMmu.DefaultBatchCapacity)
        {
            yield return (f.Shape, ShadowMmu.DefaultBatchCapacity, f.Operations);
        }
    }

    /// <summary>Replays; the instance (cut at the first operation that shows the class), or null.</summary>
    internal static Finding? Reproduce(Shape shape, int capacity, ImmutableArray<Operation> operations, FindingClass wanted, UnsyncWalkAlgorithm first, UnsyncWalkAlgorithm second)
    {
        if (shape.Roots == 0 || capacity < 2)
        {
            return null;
        }

        EnginePair pair;
        try
        {
            pair = EnginePair.Build(shape, capacity, first, second);
        }
        catch (MmuException)
        {
            return null;
        }

        for (int i = 0; i < operations.Length; i++)
        {
            int warningsA = pair.First.Warnings.Count;
            int warningsB = pair.Second.Warnings.Count;
            try
            {
                pair.Apply(operations[i], shape);
            }
            catch (MmuException)
            {
                return null;
            }

            string? seen = null;
            if (pair.AlgorithmFailure is { } failure)
            {
                return wanted == FindingClass.AlgorithmFailed ? new Finding(wanted, shape, capacity, operations[..(i + 1)], failure) : null;
            }

            if (wanted == FindingClass.InvariantViolation)
            {
                foreach (var (mmu, before) in new[] { (pair.First, warningsA), (pair.Second, warningsB) })
                {
                    var broken = InvariantChecker.Check(mmu);
                    var warning = ExpectedWarnings.FirstUnexpected(mmu, before, capacity, shape);
                    if (broken.Count > 0 || warning != null)
                    {
                        seen = $"under {mmu.Algorithm.Name}: {(broken.Count > 0 ? broken[0].ToString() : "WARN " + warning)}";
                        break;
                    }
                }
            }
            else if (Explorer.Classify(pair) is { } c && c.Class == wanted)
            {
                seen = c.Description!;
            }

            if (seen != null)
            {
                return new Finding(wanted, shape, capacity, operations[..(i + 1)], seen);
            }

            if (pair.StructuralDivergence != null)
            {
                return null;
            }
        }

        return null;
    }
}
