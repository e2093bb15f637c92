using MmuDsl.Dsl.Syntax;

namespace MmuDsl.Dsl.Runtime;

/// <summary>
/// How scenarios run: which algorithms, and the limits that turn runaway scripts into diagnostics.
/// Immutable; vary it with <c>with { ... }</c>. The defaults fit real work: a script of a million
/// pages and ten million loop iterations runs.
/// </summary>
public sealed record RunOptions
{
    /// <summary>The defaults.</summary>
    public static RunOptions Default { get; } = new();

    /// <summary>Algorithms chosen on the command line (null: all); intersected with a script's <c>algorithms</c>.</summary>
    public IReadOnlyList<string>? Algorithms { get; init; }

    /// <summary>Allow the explorer's mutant algorithms to be named (tests and repro files only).</summary>
    public bool AllowMutants { get; init; }

    /// <summary>Total loop iterations a run may make (every <c>for</c> of the run counted together).</summary>
    public long MaxLoopIterations { get; init; } = 100_000_000;

    /// <summary>Pages a run may make.</summary>
    public int MaxPages { get; init; } = 10_000_000;

    /// <summary>How deep includes may nest.</summary>
    public int MaxIncludeDepth { get; init; } = 32;

    /// <summary>How deep procedure calls may nest.</summary>
    public int MaxCallDepth { get; init; } = 256;

    /// <summary>Statements a run may execute (0: no limit). The fuzz tests use it as a time budget.</summary>
    public long MaxStatements { get; init; }

    /// <summary>Print every engine event of every statement (<c>--trace</c>).</summary>
    public bool TraceAll { get; init; }

    /// <summary>How <c>show</c> renders: the text format of LANGUAGE.md, or Graphviz DOT.</summary>
    public ShowFormat ShowFormat { get; init; } = ShowFormat.Text;

    /// <summary>Limits of the parser (nesting depth of blocks and expressions).</summary>
    public ParseOptions Parse { get; init; } = ParseOptions.Default;

    /// <summary>
    /// Makes a watcher for each run, given the algorithm's name (null: none). A watched engine
    /// builds its events, which costs time: only reports that need every step set it.
    /// </summary>
    public Func<string, IRunWatcher>? Watcher { get; init; }

    /// <summary>Reads an included file; the default reads the file system. Tests replace it.</summary>
    public Func<string, string> ReadFile { get; init; } = File.ReadAllText;
}
