using System.Collections.Immutable;
using MmuDsl.Explore.Shards;
using MmuDsl.Mmu.Algorithms;

namespace MmuDsl.Explore;

/// <summary>
/// The bounds of an exhaustive exploration. Defaults: up to 2 roots and 2 further pages, levels
/// 1..4, child slots from {0, 63, 511} (see <see cref="Slots"/>), sequences of up to 4 operations, legacy against recursive,
/// each shape with the smallest batch capacity that cannot livelock (the highest root's level)
/// and with 16.
/// <para>
/// The options check themselves (<see cref="Validate"/>): the command line only parses them and
/// prints the problem this type finds, and <see cref="Explorer"/>
/// refuses options that have one.
/// </para>
/// </summary>
public sealed record ExploreOptions
{
    /// <summary>The defaults.</summary>
    public static ExploreOptions Default { get; } = new();

    /// <summary>Most roots in a shape.</summary>
    public int MaxRoots { get; init; } = 2;

    /// <summary>
    /// Most pages besides the roots. Not 4: with 4 further pages there are 755,906 canonical shapes
    /// and about 18,000 states per shape and capacity at 4 operations (a sample of 600 shapes), some
    /// 2.7e10 states, over ten hours on two cores; 2 is what finishes in well under a minute (README, "Explore").
    /// </summary>
    public int MaxPages { get; init; } = 2;

    /// <summary>Highest level (roots are 2..MaxLevel, other pages 1..MaxLevel-1).</summary>
    public int MaxLevel { get; init; } = 4;

    /// <summary>
    /// The spte indexes children may occupy. Default {0, 63, 511}: three children in ascending order,
    /// as {0, 1, 2} had, at the same cost (the search does not depend on which indexes they are),
    /// but in the first and the last of the bitmap's eight 64-bit words: 63 and 511 are a word's top
    /// bit, a walk from 63 to 511 crosses the word boundary and skips the empty words between, and
    /// 511 is the bitmap's last bit (docs/explore.md, "What the defaults reach").
    /// </summary>
    public IReadOnlyList<int> Slots { get; init; } = [0, 63, 511];

    /// <summary>Longest operation sequence.</summary>
    public int MaxOperations { get; init; } = 4;

    /// <summary>
    /// Explore only this many of the canonical shapes, drawn at random (every sequence on each):
    /// for bounds too large to exhaust, such as 4 further pages. Null: every shape.
    /// </summary>
    public int? Sample { get; init; }

    /// <summary>The seed of the <see cref="Sample"/> draw (the same seed draws the same shapes).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// Most canonical shapes the bounds may hold (5 further pages hold 16.5 million, 6 far more):
    /// beyond it enumeration stops with <see cref="ExploreLimitException"/> instead of running out of memory.
    /// </summary>
    public long MaxShapes { get; init; } = 20_000_000;

    /// <summary>
    /// Most link assignments the enumeration may try (5 further pages: 5.4e8, about 80 s; 6: 4.6e10,
    /// hours): beyond it the bounds are refused at once with <see cref="ExploreLimitException"/>.
    /// </summary>
    public double MaxLinkAssignments { get; init; } = 2e9;

    /// <summary>
    /// The memory, in bytes, the searches' visited sets and frontiers may hold at once, every
    /// worker together (<c>--memory</c>): beyond it the exploration stops with
    /// <see cref="ExploreLimitException"/>. Null: half of the memory the process may use.
    /// </summary>
    public long? MemoryLimit { get; init; }

    /// <summary>
    /// Keep every state's vector in the visited set and compare vectors, not only their 128-bit
    /// hashes (<see cref="VisitedStates"/>): exact whatever the hash, at some 30 bytes more a state.
    /// </summary>
    public bool ExactStates { get; init; }

    /// <summary>
    /// Bits of the state hash the visited set keeps (128). Only the tests lower it, to force
    /// collisions and show that <see cref="ExactStates"/> is exact.
    /// </summary>
    internal int StateHashBits { get; init; } = 128;

    /// <summary>The first of the two algorithms compared (any: a built-in, a mutant, a plug-in).</summary>
    public UnsyncWalkAlgorithm First { get; init; } = WalkAlgorithms.Legacy;

    /// <summary>The second algorithm.</summary>
    public UnsyncWalkAlgorithm Second { get; init; } = WalkAlgorithms.Recursive;

    /// <summary>
    /// How a repro's <c>algorithms</c> statement names each algorithm: its name, or for a plug-in
    /// the quoted path of its file. Null: the names.
    /// </summary>
    public (string First, string Second)? ScriptReferences { get; init; }

    /// <summary>
    /// For a plug-in, the lower-case hex SHA-256 of its file (<c>LoadedPlugin.Sha256</c>); null for
    /// a built-in. Recorded in a shard's results: merge refuses shards whose plug-ins differ.
    /// </summary>
    public (string? First, string? Second) PluginHashes { get; init; }

    /// <summary>
    /// Explore only this slice of the shapes (<c>--shard I/N</c>); null: all of them. The slices of
    /// one N are disjoint, cover every shape, and are balanced by estimated work (<see cref="ShardPlan"/>).
    /// </summary>
    public ShardSpec? Shard { get; init; }

    /// <summary>
    /// Where to write the results document when the run ends (<c>--results</c>; atomically, see
    /// <see cref="Results.ResultsFile"/>), and next to it, as <c>FILE.checkpoint</c>, the progress
    /// so far every <see cref="CheckpointInterval"/>: a run given the same file resumes from it.
    /// Null: neither.
    /// </summary>
    public string? ResultsFile { get; init; }

    /// <summary>How often a run with <see cref="ResultsFile"/> writes its checkpoint (after the shape that crosses it).</summary>
    public TimeSpan CheckpointInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Batch capacities besides the shape's smallest safe one and 16 (below the root's level: expect no-progress).</summary>
    public IReadOnlyList<int> ExtraCapacities { get; init; } = [];

    /// <summary>Worker threads (default: every core).</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Run a transition once for all of a shape's capacities while no batch fills up (the runs are
    /// then identical). Off only in tests, which check that it changes no count.
    /// </summary>
    internal bool ShareCapacities { get; init; } = true;

    /// <summary>
    /// Link with <c>link_shadow_page</c> alone, whatever the child holds (the explorer's moves before
    /// the fault path was modelled); by default a link goes through the page-fault path
    /// (<c>link ... via fetch</c>), which syncs a child with unsync children first, as the kernel does.
    /// </summary>
    public bool RawLink { get; init; }

    /// <summary>
    /// Also try, for every root a sync may start at, a sync that yields after its first batch with
    /// each single operation of the bounds at the yield point (<c>sync R yield-after 1 { X }</c>;
    /// only a root's sync may yield).
    /// </summary>
    public bool Yields { get; init; }

    /// <summary>
    /// Before the search, explore a pilot of a few shapes to estimate the work (reported through
    /// <see cref="ExploreProgress"/>; only when one is given).
    /// </summary>
    public bool Estimate { get; init; } = true;

    /// <summary>Shrink findings to minimal repros.</summary>
    public bool Shrink { get; init; } = true;

    /// <summary>The bounds: what decides the space explored and the report (<see cref="ExploreBounds"/>).</summary>
    public ExploreBounds Bounds => new()
    {
        MaxRoots = MaxRoots,
        MaxPages = MaxPages,
        MaxLevel = MaxLevel,
        Slots = [.. Slots.Distinct().Order()],
        MaxOperations = MaxOperations,
        ExtraCapacities = [.. ExtraCapacities.Distinct().Order()],
        RawLink = RawLink,
        Yields = Yields,
        Sample = Sample,
        Seed = Sample == null ? null : Seed,
        Shrink = Shrink,
    };

    /// <summary>The first algorithm as results record it (its name, its repro reference, a plug-in's hash).</summary>
    public AlgorithmIdentity FirstIdentity => new(First.Name, ScriptReferences?.First ?? First.Name, PluginHashes.First);

    /// <summary>The second algorithm as results record it.</summary>
    public AlgorithmIdentity SecondIdentity => new(Second.Name, ScriptReferences?.Second ?? Second.Name, PluginHashes.Second);

    /// <summary>
    /// The first rule these options break, as a one-line message that names the <c>mmudsl
    /// explore</c> option to change; null when they are valid.
    /// </summary>
    public string? Validate() =>
        MaxRoots is < 1 or > 4 ? $"--roots must be 1..4, not {MaxRoots}"
        : MaxPages is < 0 or > 8 ? $"--pages must be 0..8, not {MaxPages}"
        : MaxLevel is < 2 or > 5 ? $"--max-level must be 2..5, not {MaxLevel}"
        : Slots.Count == 0 || Slots.Distinct().Count() > 8 || Slots.Any(s => s is < 0 or > 511) ? "--slots must name 1 to 8 indexes in 0..511"
        : MaxOperations is < 0 or > 8 ? $"--ops must be 0..8, not {MaxOperations}"
        : First == null || Second == null ? "explore compares two algorithms (e.g. -a legacy -a recursive)"
        : ReferenceEquals(First, Second) ? "explore compares two different algorithms"
        : Sample is < 1 ? "--sample must be at least 1"
        : ExtraCapacities.Any(c => c is < 2 or > 4096) ? "--pvec capacities must be 2..4096 (the language's range for pvec)"
        : Parallelism < 1 ? $"--jobs must be at least 1 (the worker threads), not {Parallelism}"
        : CheckpointInterval < TimeSpan.Zero ? "--checkpoint-every must be 0 or more seconds"
        : Shard?.Problem();
}
