namespace MmuDsl.Dsl.Golden;

/// <summary>
/// What a rewrite needs of a run (a scenario's result implements it): its golden blocks, the
/// texts of its files, the algorithms that ran, and whether it stopped on an error. The golden
/// layer sees the run through this and nothing else, so it does not depend on the runner.
/// </summary>
public interface IGoldenRun
{
    /// <summary>Every golden block of the run, in source order, with what each algorithm printed.</summary>
    IReadOnlyList<GoldenBlockResult> GoldenBlocks { get; }

    /// <summary>The text of every file the run read, by path.</summary>
    IReadOnlyDictionary<string, string> Sources { get; }

    /// <summary>The algorithms that ran, in run order (the order of a block's sections).</summary>
    IReadOnlyList<string> Algorithms { get; }

    /// <summary>True when parsing or the run stopped on an error: then nothing may be rewritten.</summary>
    bool StoppedOnError { get; }
}
