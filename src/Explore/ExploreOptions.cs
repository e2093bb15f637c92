using MmuDsl.Mmu.Algorithms;
namespace MmuDsl.Explore;

/// <summary>
/// The bounds of an exhaustive exploration. Defaults: up to 2 roots and 2 further pages, levels
/// 1..4, child slots from {0, 1, 2}, sequences of up to 4 operations, legacy against recursive,
/// each shape with the smallest batch capacity that cannot livelock (the highest root's level)
/// and with 16.
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

    /// <summary>The spte indexes children may occupy.</summary>
    public IReadOnlyList<int> Slots { get; init; } = [0, 1, 2];

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
}
