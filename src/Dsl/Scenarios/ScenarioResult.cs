using MmuDsl.Dsl.Golden;
using MmuDsl.Dsl.Runtime;
using MmuDsl.Dsl.Syntax;

namespace MmuDsl.Dsl.Scenarios;

/// <summary>
/// The outcome of running one scenario file under its algorithms: the output, the errors (exit 2),
/// the failures (exit 1), the golden blocks, and each algorithm's run.
/// </summary>
public sealed class ScenarioResult : IGoldenRun
{
    internal ScenarioResult(string path)
    {
        Path = path;
    }

    /// <summary>The scenario's path as given.</summary>
    public string Path { get; }

    /// <summary>The algorithms it ran under, in order (empty: skipped).</summary>
    public List<string> Algorithms { get; } = [];

    IReadOnlyList<GoldenBlockResult> IGoldenRun.GoldenBlocks => GoldenBlocks;

    IReadOnlyDictionary<string, string> IGoldenRun.Sources => Sources;

    IReadOnlyList<string> IGoldenRun.Algorithms => Algorithms;

    /// <summary>True when the set of algorithms was empty: reported as skipped, not failed.</summary>
    public bool Skipped => Errors.Count == 0 && Algorithms.Count == 0;

    /// <summary>The algorithms the file itself asks for (its <c>algorithms</c> statement, else the default set), before the command line narrows them.</summary>
    internal List<string> DeclaredAlgorithms { get; } = [];

    /// <summary>The errors that stopped the scenario (exit 2), as values; each renders as printed (<see cref="ScenarioError.Render()"/>).</summary>
    public List<ScenarioError> Errors { get; } = [];

    /// <summary>Remarks that change no verdict (a golden block not checked under an algorithm it has no section for), one a line.</summary>
    public List<string> Notes { get; } = [];

    /// <summary>Failed expectations, golden blocks and warnings.</summary>
    public List<ScenarioFailure> Failures { get; } = [];

    /// <summary>Golden blocks of the statements that ran.</summary>
    public List<GoldenBlockResult> GoldenBlocks { get; } = [];

    /// <summary>Each algorithm's run.</summary>
    public List<AlgorithmRun> Runs { get; } = [];

    /// <summary>The merged output (one text where the algorithms agree, sections where they differ).</summary>
    public string Output { get; internal set; } = string.Empty;

    /// <summary>Source texts of the files read, by path (for rewriting).</summary>
    public Dictionary<string, string> Sources { get; } = new(StringComparer.Ordinal);

    /// <summary>Parsed files, by path.</summary>
    public Dictionary<string, ScenarioFile> Files { get; } = new(StringComparer.Ordinal);

    /// <summary>How many of <see cref="Errors"/> are problems of golden blocks (the run itself went through).</summary>
    internal int GoldenBlockErrors { get; set; }

    /// <summary>
    /// True when parsing or a run stopped on an error: then nothing may be rewritten. Errors of golden
    /// blocks alone (a section that may not stand there) do not stop a run, and a rewrite fixes them.
    /// </summary>
    public bool StoppedOnError => Errors.Count > GoldenBlockErrors;

    /// <summary>0: everything held; 1: an expectation, golden block or warning failed; 2: could not parse or run.</summary>
    public int ExitCode => Errors.Count > 0 ? 2 : Failures.Count > 0 ? 1 : 0;
}
