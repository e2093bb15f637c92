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

    /// <summary>States explored per second of <see cref="Elapsed"/>.</summary>
    public double StatesPerSecond => States / Math.Max(Elapsed.TotalSeconds, 1e-9);

    /// <summary>Distinct states stored over every search (a state reached under several capacities once).</summary>
    public long Vectors { get; internal set; }

    /// <summary>Bytes of their packed vectors.</summary>
    public long VectorBytes { get; internal set; }

    /// <summary>The mean size of a packed state (<see cref="StateVector"/>), in bytes.</summary>
    public double BytesPerState => Vectors == 0 ? 0 : VectorBytes / (double)Vectors;

    /// <summary>The most memory one shape's search held (its visited set and frontiers), in bytes.</summary>
    public long LargestSearchBytes { get; internal set; }

    /// <summary>The distinct states that search held.</summary>
    public long LargestSearchStates { get; internal set; }

    /// <summary>Bytes of memory per distinct state in the search that held the most.</summary>
    public double MemoryPerState => LargestSearchStates == 0 ? 0 : LargestSearchBytes / (double)LargestSearchStates;

    /// <summary>The most memory the searches held at once (visited sets and frontiers of every worker), in bytes.</summary>
    public long PeakSearchBytes { get; internal set; }

    /// <summary>The sum, over searches, of the square of their distinct states.</summary>
    internal double SquaredStates { get; set; }

    /// <summary>
    /// With a visited set of 128-bit hashes, about the chance that two distinct states of one
    /// search collided (the sum over searches of n²/2¹²⁹, as for a random function); 0 with
    /// <see cref="ExploreOptions.ExactStates"/>.
    /// </summary>
    public double CollisionChance => Options.ExactStates ? 0 : SquaredStates / Math.Pow(2, 129);

    /// <summary>The memory budget the searches ran under (<see cref="ExploreOptions.MemoryLimit"/>), in bytes.</summary>
    public long MemoryLimit { get; internal set; }

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
