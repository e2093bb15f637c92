using System.Collections.Immutable;

namespace MmuDsl.Explore;

/// <summary>What an exploration found and how much it did.</summary>
public sealed class ExploreReport
{
    internal ExploreReport(ExploreOptions options)
    {
        Options = options;
        foreach (var c in Enum.GetValues<FindingClass>())
        {
            Classes[c] = new ClassCount();
        }
    }

    /// <summary>The bounds used.</summary>
    public ExploreOptions Options { get; }

    /// <summary>Canonical shapes enumerated.</summary>
    public int Shapes { get; internal set; }

    /// <summary>Shapes explored: all of them, or the ones drawn (<see cref="ExploreOptions.Sample"/>).</summary>
    public int ShapesExplored { get; internal set; }

    /// <summary>True when only a sample of the shapes was explored.</summary>
    public bool Sampled => ShapesExplored < Shapes;

    /// <summary>(shape, capacity) runs.</summary>
    public int Runs { get; internal set; }

    /// <summary>Distinct (combined state, batch capacity) pairs explored, after deduplication.</summary>
    public long States { get; internal set; }

    /// <summary>Operations checked: one per (state, operation, batch capacity).</summary>
    public long Transitions { get; internal set; }

    /// <summary>
    /// Operations actually run on the engines: a transition is run once for all of a shape's
    /// capacities while no walk fills its batch (the run is then the same under each).
    /// </summary>
    public long Computed { get; internal set; }

    /// <summary>
    /// Warnings (one per algorithm and transition) that were the no-progress warning under a batch
    /// capacity below the shape's highest root level, asked for with --pvec: what such a capacity is
    /// expected to show, so they are counted here and not as invariant violations.
    /// </summary>
    public long ExpectedNoProgress { get; internal set; }

    /// <summary>Wall-clock time.</summary>
    public TimeSpan Elapsed { get; internal set; }

    /// <summary>Findings by class.</summary>
    public Dictionary<FindingClass, ClassCount> Classes { get; } = [];

    /// <summary>Walks and visits of the first algorithm, summed over every transition.</summary>
    public (long Walks, long Visits) FirstWork { get; internal set; }

    /// <summary>Walks and visits of the second algorithm.</summary>
    public (long Walks, long Visits) SecondWork { get; internal set; }

    /// <summary>The sequence where second/first visits is largest, with both totals.</summary>
    public (Shape Shape, int Capacity, ImmutableArray<Operation> Operations, long FirstVisits, long SecondVisits)? LargestWorkRatio =>
        Largest is { } r ? (r.Shape, r.Capacity, r.Operations, r.FirstVisits, r.SecondVisits) : null;

    /// <summary>The same, with the place of its shape (for merging the workers' results in a stable way).</summary>
    internal WorkRatio? Largest { get; set; }

    /// <summary>
    /// The verdict: no invariant broke, no semantic divergence without an interrupted sync, no
    /// false negative, and no algorithm failed.
    /// </summary>
    public bool Clean =>
        Classes[FindingClass.AlgorithmFailed].Count == 0
        && Classes[FindingClass.InvariantViolation].Count == 0
        && Classes[FindingClass.SemanticDivergence].Count == 0
        && Classes[FindingClass.MetadataNotAllowed].Count == 0;
}
