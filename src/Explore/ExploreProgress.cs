namespace MmuDsl.Explore;

/// <summary>
/// Where a running exploration stands, for a caller that reports progress while it runs (the
/// command line prints it every few seconds, and says what it is about to do at each phase). The
/// explorer writes it from its worker threads; any thread may read it at any time.
/// </summary>
public sealed class ExploreProgress
{
    private long _shapesFound;
    private long _shapesDone;
    private long _states;
    private int _phase;

    /// <summary>Called on the explorer's thread as each phase starts (after the figures it announces are set).</summary>
    public Action<ExploreProgress>? PhaseStarted { get; init; }

    /// <summary>The phase under way.</summary>
    public ExplorePhase Phase => (ExplorePhase)Volatile.Read(ref _phase);

    /// <summary>Link assignments the enumeration tries (known before it starts).</summary>
    public double LinkAssignments { get; internal set; }

    /// <summary>Canonical shapes found so far by the enumeration.</summary>
    public long ShapesFound => Interlocked.Read(ref _shapesFound);

    /// <summary>Canonical shapes within the bounds (once enumerated).</summary>
    public long Shapes { get; internal set; }

    /// <summary>Shapes to explore: all of them, or the sample.</summary>
    public int ShapesToExplore { get; internal set; }

    /// <summary>Shape runs: each shape under each of its batch capacities.</summary>
    public long Runs { get; internal set; }

    /// <summary>Shapes explored so far.</summary>
    public long ShapesDone => Interlocked.Read(ref _shapesDone);

    /// <summary>States explored so far.</summary>
    public long States => Interlocked.Read(ref _states);

    /// <summary>The estimate made before the search (from a pilot of a few shapes): states in all.</summary>
    public double EstimatedStates { get; internal set; }

    /// <summary>The estimate made before the search: its time on the threads given.</summary>
    public TimeSpan EstimatedTime { get; internal set; }

    /// <summary>How many shapes the estimate explored.</summary>
    public int PilotShapes { get; internal set; }

    internal void Start(ExplorePhase phase)
    {
        Volatile.Write(ref _phase, (int)phase);
        PhaseStarted?.Invoke(this);
    }

    internal void ShapeFound() => Interlocked.Increment(ref _shapesFound);

    internal void ShapeDone(long newStates)
    {
        Interlocked.Add(ref _states, newStates);
        Interlocked.Increment(ref _shapesDone);
    }
}
