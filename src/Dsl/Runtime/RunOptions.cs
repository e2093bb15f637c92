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

    /// <summary>
    /// Algorithms chosen on the command line, by name or by a plug-in's path (null: none chosen,
    /// so the script's own, else the default set); intersected with a script's <c>algorithms</c>.
    /// </summary>
    public IReadOnlyList<string>? Algorithms { get; init; }

    /// <summary>Loads plug-in algorithms (null: <see cref="Sources.PluginFiles.Loader"/>: regular files only, the disk cache).</summary>
    public Plugins.PluginLoader? PluginLoader { get; init; }

    /// <summary>
    /// A golden block with per-algorithm sections fails under an algorithm it has no section for
    /// (<c>mmudsl test</c>); otherwise (<c>mmudsl run</c>) that block is not checked under it, and a
    /// note says so. A block without sections holds for every algorithm either way.
    /// </summary>
    public bool RequireGoldenSections { get; init; }

    /// <summary>Total loop iterations a run may make (every <c>for</c> of the run counted together).</summary>
    public long MaxLoopIterations { get; init; } = 100_000_000;

    /// <summary>Pages a run may make.</summary>
    public int MaxPages { get; init; } = 10_000_000;

    /// <summary>
    /// Characters of output a run may print (every output statement and trace line counted
    /// together, per algorithm): a runaway <c>echo</c> in a loop stops with a diagnostic at the
    /// statement that crossed it, long before memory runs out (<c>set max_output N</c>).
    /// </summary>
    public long MaxOutputChars { get; init; } = 100_000_000;

    /// <summary>How deep includes may nest.</summary>
    public int MaxIncludeDepth { get; init; } = 32;

    /// <summary>How deep procedure calls may nest.</summary>
    public int MaxCallDepth { get; init; } = 256;

    /// <summary>Statements a run may execute (0: no limit). The fuzz tests use it as a time budget.</summary>
    public long MaxStatements { get; init; }

    /// <summary>Print every engine event of every statement (<c>--trace</c>).</summary>
    public bool TraceAll { get; init; }

    /// <summary>How <c>show</c> renders: the text format of docs/language.md#the-show-format, or Graphviz DOT.</summary>
    public ShowFormat ShowFormat { get; init; } = ShowFormat.Text;

    /// <summary>Limits of the parser (nesting depth of blocks and expressions).</summary>
    public ParseOptions Parse { get; init; } = ParseOptions.Default;

    /// <summary>
    /// Makes a watcher for each run, given the algorithm's name (null: none). A watched engine
    /// builds its events, which costs time: only reports that need every step set it.
    /// </summary>
    public Func<string, IRunWatcher>? Watcher { get; init; }

    /// <summary>
    /// Bytes a source file (the main file or an include) may have: checked before it is read,
    /// refused with a diagnostic beyond (64 MiB, far above any real scenario; a 64 MB script of
    /// <c>let</c> lines runs in 1.6 GB and 18 s of CPU: README, Performance, "Very large scripts").
    /// </summary>
    public long MaxSourceBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>
    /// Reads a source file's text instead of the file system (tests serve files from memory).
    /// Null, the default: <see cref="Sources.SourceReader"/>, which reads only regular files, within
    /// <see cref="MaxSourceBytes"/>, as strict UTF-8.
    /// </summary>
    public Func<string, string>? ReadFile { get; init; }

    /// <summary>Reads the source file at <paramref name="path"/> the way these options say.</summary>
    internal Sources.SourceRead Read(string path)
    {
        if (ReadFile == null)
        {
            return Sources.SourceReader.Read(path, MaxSourceBytes);
        }

        try
        {
            string text = ReadFile(path);
            long bytes = System.Text.Encoding.UTF8.GetByteCount(text);
            return bytes > MaxSourceBytes ? Sources.SourceRead.Failed(Sources.SourceReader.TooLarge(bytes, MaxSourceBytes)) : Sources.SourceRead.Of(text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or System.Security.SecurityException)
        {
            return Sources.SourceRead.Failed(e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message);
        }
    }

    /// <summary>
    /// Stops a run between two statements (or loop iterations) once cancelled: the run ends with an
    /// error there and <see cref="AlgorithmRun.Cancelled"/> set. The language server's time budget.
    /// </summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Sees the engine after every statement (the language server's hover); null: nobody.</summary>
    public IStepObserver? StepObserver { get; init; }
}
