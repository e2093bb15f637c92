namespace MmuDsl.Explore;

/// <summary>What an exploration is doing (see <see cref="ExploreProgress"/>).</summary>
public enum ExplorePhase
{
    /// <summary>Not started.</summary>
    NotStarted,

    /// <summary>Enumerating the canonical shapes within the bounds.</summary>
    Enumerating,

    /// <summary>Exploring a few shapes to estimate the work.</summary>
    Estimating,

    /// <summary>Exploring every shape (or the sample).</summary>
    Searching,

    /// <summary>Shrinking the findings to minimal repros.</summary>
    Shrinking,

    /// <summary>Finished.</summary>
    Done,
}
