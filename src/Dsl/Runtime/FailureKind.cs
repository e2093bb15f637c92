namespace MmuDsl.Dsl.Runtime;

/// <summary>Why a scenario failed (exit code 1).</summary>
public enum FailureKind
{
    /// <summary>An <c>expect</c> was false.</summary>
    Expectation,

    /// <summary><c>expect invariants</c> found broken invariants.</summary>
    Invariants,

    /// <summary>A golden block differs from the output.</summary>
    GoldenBlock,

    /// <summary>The engine fired a warning and no <c>expect</c> names <c>stat.warnings</c>.</summary>
    Warning,
}
