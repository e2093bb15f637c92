using MmuDsl.Dsl.Syntax;
using MmuDsl.Mmu;

namespace MmuDsl.Dsl.Runtime;

/// <summary>One run of a scenario under one algorithm: what it printed, what failed, the engine it left.</summary>
public sealed class AlgorithmRun
{
    internal AlgorithmRun(string algorithm, ShadowMmu engine)
    {
        Algorithm = algorithm;
        Engine = engine;
    }

    /// <summary>The algorithm's name.</summary>
    public string Algorithm { get; }

    /// <summary>The engine as the run left it.</summary>
    public ShadowMmu Engine { get; }

    /// <summary>Output, one chunk per execution of an output statement, in order.</summary>
    public List<OutputChunk> Output { get; } = [];

    /// <summary>Failed expectations (golden blocks and warnings are judged after the runs).</summary>
    public List<ScenarioFailure> Failures { get; } = [];

    /// <summary>Warnings the engine fired, with the statement that caused them.</summary>
    public List<FiredWarning> Warnings { get; } = [];

    /// <summary>Remarks that fail nothing: the kernel's advisory WARNs a hand-built state may cause (link-unsync-children).</summary>
    public List<Diagnostic> Notes { get; } = [];

    /// <summary>The error that stopped the run (and the syntax errors of an include behind it), if one did.</summary>
    public List<Diagnostic> Errors { get; } = [];

    /// <summary>True when <see cref="RunOptions.Cancellation"/> stopped the run (its last error says where).</summary>
    public bool Cancelled { get; internal set; }

    /// <summary>Every statement executed, in order, with a snapshot after it (only when asked, for <c>mmudsl diff</c>).</summary>
    public List<(Statement Statement, MmuSnapshot State)>? Steps { get; internal set; }

    /// <summary>The files this run read (the main file and its includes), for the warning rule.</summary>
    internal HashSet<ScenarioFile> Files { get; } = new(ReferenceEqualityComparer.Instance);
}
