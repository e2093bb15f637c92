using MmuDsl.Explore.Shards;

namespace MmuDsl.Explore;

/// <summary>
/// What an exploration found and how much it did: of a whole run, of one shard
/// (<see cref="Shard"/>), or merged from every shard's results (<see cref="Results.ShardMerger"/>),
/// which then holds what a whole run of the same bounds holds but the time.
/// </summary>
public sealed class ExploreReport
{
    internal ExploreReport(ExploreBounds bounds, AlgorithmIdentity first, AlgorithmIdentity second, int threads, ShardSpec? shard)
    {
        Bounds = bounds;
        First = first;
        Second = second;
        Threads = threads;
        Shard = shard is { Count: > 1 } ? shard : null;
        foreach (var c in Enum.GetValues<FindingClass>())
        {
            Classes[c] = new ClassCount();
        }
    }

    internal ExploreReport(ExploreOptions options)
        : this(options.Bounds, options.FirstIdentity, options.SecondIdentity, options.Parallelism, options.Shard)
    {
        ExactStates = options.ExactStates;
    }

    /// <summary>The bounds explored.</summary>
    public ExploreBounds Bounds { get; }

    /// <summary>The first algorithm.</summary>
    public AlgorithmIdentity First { get; }

    /// <summary>The second algorithm.</summary>
    public AlgorithmIdentity Second { get; }

    /// <summary>Worker threads (of a merged report: summed over the shards).</summary>
    public int Threads { get; internal set; }

    /// <summary>The slice explored (<c>--shard</c>); null for a whole run or a merged report.</summary>
    public ShardSpec? Shard { get; }

    /// <summary>How many shards a merged report was merged from; 0 otherwise.</summary>
    public int MergedShards { get; internal set; }

    /// <summary>The longest shard's time, in a merged report.</summary>
    public TimeSpan LongestShard { get; internal set; }

    /// <summary>Canonical shapes enumerated.</summary>
    public int Shapes { get; internal set; }

    /// <summary>Shapes of the whole exploration: all of them, or the ones drawn (<see cref="ExploreOptions.Sample"/>).</summary>
    public int ShapesExplored { get; internal set; }

    /// <summary>Shapes of this report's slice: <see cref="ShapesExplored"/> but in a shard's report.</summary>
    public int ShapesInShard { get; internal set; }

    /// <summary>Of <see cref="ShapesInShard"/>, how many a checkpoint had already done (resumed runs).</summary>
    public int ShapesResumed { get; internal set; }

    /// <summary>Why a checkpoint found next to the results file was not taken up; null when none was there or it was.</summary>
    public string? CheckpointNote { get; internal set; }

    /// <summary>Checkpoints this run wrote, and the time they took.</summary>
    public (int Count, TimeSpan Time) Checkpoints { get; internal set; }

    /// <summary>True when only a sample of the shapes was explored.</summary>
    public bool Sampled => ShapesExplored < Shapes;

    /// <summary>(shape, capacity) runs of this report's slice.</summary>
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

    /// <summary>Wall-clock time (of a merged report: summed over the shards).</summary>
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

    /// <summary>
    /// The most memory the searches held at once (visited sets and frontiers of every worker), in
    /// bytes. It depends on the machine (its threads, the order the shapes ran in): a merged report
    /// holds the largest shard's, and comparisons of a merge with a single run leave it out.
    /// </summary>
    public long PeakSearchBytes { get; internal set; }

    /// <summary>
    /// True when every state was kept as its vector (<see cref="ExploreOptions.ExactStates"/>); of a
    /// merged report, when every shard's were.
    /// </summary>
    public bool ExactStates { get; internal set; }

    /// <summary>The sum, over the searches that kept hashes (not <see cref="ExactStates"/>), of the square of their distinct states.</summary>
    internal double SquaredStates { get; set; }

    /// <summary>
    /// With a visited set of 128-bit hashes, about the chance that two distinct states of one
    /// search collided (the sum over searches of n²/2¹²⁹, as for a random function); 0 with
    /// <see cref="ExploreOptions.ExactStates"/>.
    /// </summary>
    public double CollisionChance => ExactStates ? 0 : SquaredStates / Math.Pow(2, 129);

    /// <summary>
    /// The memory budget the searches ran under (<see cref="ExploreOptions.MemoryLimit"/>), in bytes.
    /// Like <see cref="PeakSearchBytes"/> it depends on the machine: a merged report holds the
    /// largest shard's.
    /// </summary>
    public long MemoryLimit { get; internal set; }

    /// <summary>Findings by class.</summary>
    public Dictionary<FindingClass, ClassCount> Classes { get; } = [];

    /// <summary>Walks and visits of the first algorithm, summed over every transition.</summary>
    public (long Walks, long Visits) FirstWork { get; internal set; }

    /// <summary>Walks and visits of the second algorithm.</summary>
    public (long Walks, long Visits) SecondWork { get; internal set; }

    /// <summary>The sequence where second/first visits is largest, with both totals and its statements.</summary>
    public LargestRatio? Largest { get; internal set; }

    /// <summary>
    /// The verdict: no invariant broke, no semantic divergence without an interrupted sync, no
    /// false negative, and no algorithm failed.
    /// </summary>
    public bool Clean =>
        Classes[FindingClass.AlgorithmFailed].Count == 0
        && Classes[FindingClass.InvariantViolation].Count == 0
        && Classes[FindingClass.SemanticDivergence].Count == 0
        && Classes[FindingClass.MetadataNotAllowed].Count == 0;

    /// <summary>Adds a shard's (or a worker's) totals and keeps the smaller instances and the larger ratio.</summary>
    internal void Add(ExploreReport other)
    {
        Runs += other.Runs;
        States += other.States;
        Transitions += other.Transitions;
        Computed += other.Computed;
        ExpectedNoProgress += other.ExpectedNoProgress;
        foreach (var (c, count) in other.Classes)
        {
            Classes[c].Merge(count);
        }

        FirstWork = (FirstWork.Walks + other.FirstWork.Walks, FirstWork.Visits + other.FirstWork.Visits);
        SecondWork = (SecondWork.Walks + other.SecondWork.Walks, SecondWork.Visits + other.SecondWork.Visits);
        ConsiderLargest(other.Largest);
        Vectors += other.Vectors;
        VectorBytes += other.VectorBytes;
        SquaredStates += other.ExactStates ? 0 : other.SquaredStates;
        ExactStates &= other.ExactStates;
        ConsiderSearch(other.LargestSearchBytes, other.LargestSearchStates);
        PeakSearchBytes = Math.Max(PeakSearchBytes, other.PeakSearchBytes);
        MemoryLimit = Math.Max(MemoryLimit, other.MemoryLimit);
    }

    /// <summary>Keeps the search that held the most memory (on a tie, the one with more states: the same whatever the order).</summary>
    internal void ConsiderSearch(long bytes, long states)
    {
        if (bytes > LargestSearchBytes || (bytes == LargestSearchBytes && states > LargestSearchStates))
        {
            LargestSearchBytes = bytes;
            LargestSearchStates = states;
        }
    }

    internal void ConsiderLargest(LargestRatio? candidate)
    {
        if (candidate != null && (Largest == null || candidate.Beats(Largest)))
        {
            Largest = candidate;
        }
    }
}
