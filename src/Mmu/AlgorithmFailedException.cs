namespace MmuDsl.Mmu;

/// <summary>
/// An algorithm's code threw, or was stopped by a budget (a walk that does not end). The engine's
/// state is whatever the algorithm left: a run stops there. <see cref="SourceFile"/> and
/// <see cref="SourceLine"/> say where in the algorithm's own code it happened, when known (a
/// plug-in compiled from a file always has them).
/// </summary>
public sealed class AlgorithmFailedException : MmuException
{
    /// <summary>Makes the exception; <paramref name="inner"/> is what the algorithm threw.</summary>
    public AlgorithmFailedException(string algorithm, string what, string? sourceFile, int sourceLine, int sourceColumn, Exception inner)
        : base(MmuErrorKind.AlgorithmFailed, Describe(algorithm, what, sourceFile, sourceLine, sourceColumn), inner)
    {
        Algorithm = algorithm;
        What = what;
        SourceFile = sourceFile;
        SourceLine = sourceLine;
        SourceColumn = sourceColumn;
    }

    /// <summary>The algorithm's name.</summary>
    public string Algorithm { get; }

    /// <summary>What went wrong, without the place.</summary>
    public string What { get; }

    /// <summary>The algorithm's source file where it failed, or null when not known.</summary>
    public string? SourceFile { get; }

    /// <summary>The line in <see cref="SourceFile"/> (1-based), or 0.</summary>
    public int SourceLine { get; }

    /// <summary>The column in <see cref="SourceFile"/> (1-based), or 0.</summary>
    public int SourceColumn { get; }

    private static string Describe(string algorithm, string what, string? file, int line, int column)
    {
        string where = file == null ? string.Empty : column > 0 ? $" at {file}:{line}:{column}" : $" at {file}:{line}";
        return $"algorithm '{algorithm}' failed{where}: {what}";
    }
}
