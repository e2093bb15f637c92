using MmuDsl.Dsl.Runtime;

namespace MmuDsl.Lsp;

/// <summary>
/// How the server runs scripts: the CLI's limits (<see cref="RunOptions"/>: loop iterations,
/// pages, include and call depth, parser nesting), a time budget per run, and how long it waits
/// after an edit before running (the debounce). Vary with <c>with { ... }</c>.
/// </summary>
public sealed record ServerOptions
{
    /// <summary>The defaults: the CLI's limits, 2 s per run, 50 ms of debounce.</summary>
    public static ServerOptions Default { get; } = new();

    /// <summary>The run's limits, as <c>mmudsl run</c> has them (its --max-loop-iterations and --max-pages too).</summary>
    public RunOptions Run { get; init; } = RunOptions.Default;

    /// <summary>
    /// How long one analysis may run a script (all its algorithms together). Past it the run stops
    /// between two statements, and the statement it stopped at gets a warning saying so.
    /// </summary>
    public TimeSpan TimeBudget { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long after an edit the server waits for the next one before it runs the script.</summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>At most this many included files are read for definitions and completion.</summary>
    public int MaxIncludedFiles { get; init; } = 64;
}
