using System.Collections.Immutable;
using MmuDsl.Mmu;

namespace MmuDsl.Explore;

/// <summary>One worker's totals and findings, merged into the report when the worker ends.</summary>
internal sealed class ExploreAccumulator
{
    public long States { get; set; }

    /// <summary>Transitions checked, one per (state, operation, capacity).</summary>
    public long Transitions { get; set; }

    /// <summary>Transitions computed: capacities share one while no batch fills up.</summary>
    public long Computed { get; set; }

    /// <summary>No-progress warnings under a capacity below the shape's safe one (expected, not findings).</summary>
    public long ExpectedNoProgress { get; set; }

    public Dictionary<FindingClass, ClassCount> Classes { get; } = Enum.GetValues<FindingClass>().ToDictionary(c => c, _ => new ClassCount());

    public long WalksA { get; set; }

    public long VisitsA { get; set; }

    public long WalksB { get; set; }

    public long VisitsB { get; set; }

    /// <summary>The sequence with the largest visits ratio so far.</summary>
    public WorkRatio? Ratio { get; set; }

    /// <summary>Distinct states stored (one vector each, whatever the capacities it stands for).</summary>
    public long Vectors { get; set; }

    /// <summary>Bytes of those states' vectors.</summary>
    public long VectorBytes { get; set; }

    /// <summary>The most memory one shape's search held.</summary>
    public long LargestSearchBytes { get; set; }

    /// <summary>The distinct states that search held.</summary>
    public long LargestSearchStates { get; set; }

    /// <summary>The sum, over searches, of the square of their distinct states (for the chance of a hash collision).</summary>
    public double SquaredStates { get; set; }

    /// <summary>A finding seen under <paramref name="weight"/> capacities at once.</summary>
    public void Add(Finding f, int weight) => Classes[f.Class].Add(f, weight);

    /// <summary>The work of one transition (counters after minus before), done under <paramref name="weight"/> capacities.</summary>
    public void AddWork(MmuStats a, MmuStats b, int weight)
    {
        WalksA += a.Walks * weight;
        VisitsA += a.Visits * weight;
        WalksB += b.Walks * weight;
        VisitsB += b.Visits * weight;
    }

    /// <summary>Keeps <paramref name="ops"/> + <paramref name="last"/> if its visits ratio (second/first, over the whole sequence) is the largest so far.</summary>
    public void ConsiderRatio(Shape shape, int shapeOrder, int capacity, int depth, Func<ImmutableArray<Operation>> ops, Operation last, long visitsA, long visitsB)
    {
        if (visitsA == 0)
        {
            return;
        }

        if (Ratio is not { } r || WorkRatio.Beats(visitsA, visitsB, depth + 1, shapeOrder, r))
        {
            Ratio = new WorkRatio(shape, shapeOrder, capacity, ops().Add(last), visitsA, visitsB);
        }
    }

    /// <summary>Counts one distinct state stored, packed in <paramref name="bytes"/> bytes.</summary>
    public void AddVector(int bytes)
    {
        Vectors++;
        VectorBytes += bytes;
    }

    /// <summary>Keeps the largest memory one shape's search held (visited set and frontiers), with its state count.</summary>
    public void ConsiderMemory(long bytes, long states)
    {
        SquaredStates += (double)states * states;
        if (bytes > LargestSearchBytes || (bytes == LargestSearchBytes && states > LargestSearchStates))
        {
            LargestSearchBytes = bytes;
            LargestSearchStates = states;
        }
    }

    /// <summary>Adds these totals to <paramref name="report"/> (shape runs aside: the caller counts them).</summary>
    public void MergeInto(ExploreReport report)
    {
        report.States += States;
        report.Transitions += Transitions;
        report.Computed += Computed;
        report.ExpectedNoProgress += ExpectedNoProgress;
        foreach (var (c, count) in Classes)
        {
            report.Classes[c].Merge(count);
        }

        report.FirstWork = (report.FirstWork.Walks + WalksA, report.FirstWork.Visits + VisitsA);
        report.SecondWork = (report.SecondWork.Walks + WalksB, report.SecondWork.Visits + VisitsB);
        report.Vectors += Vectors;
        report.VectorBytes += VectorBytes;
        report.SquaredStates += report.ExactStates ? 0 : SquaredStates;
        report.ConsiderSearch(LargestSearchBytes, LargestSearchStates);

        if (Ratio is { } r && (report.Largest is not { } best || best.Beats(r.FirstVisits, r.SecondVisits, r.Operations.Length, r.ShapeOrder) < 0))
        {
            report.Largest = LargestRatio.Of(r);
        }
    }
}
