using MmuDsl.Explore;

namespace MmuDsl.Cli.Commands;

/// <summary>
/// The .mmu repro of one finding class, as written to the repro folder: its path and statement
/// count, or why it could not be written (the report is printed either way).
/// </summary>
internal sealed record ExploreRepro(string Path, int Statements, string? Error)
{
    /// <summary>The HTML report written beside the repro (<c>explore --html</c>).</summary>
    public string? Report { get; init; }

    /// <summary>Why the report beside the repro could not be written.</summary>
    public string? ReportError { get; init; }

    /// <summary>How a repro's <c>algorithms</c> statement names a plug-in: its path as a string.</summary>
    public static string Quote(string path) => MmuDsl.Dsl.Syntax.SyntaxPrinter.Quote(path);

    /// <summary>Prints why <c>-a</c> could not be resolved.</summary>
    public static void WriteResolutionError(TextWriter stderr, MmuDsl.Plugins.AlgorithmResolution resolved)
    {
        foreach (var error in MmuDsl.Dsl.Scenarios.ResolutionErrors.Of(resolved, null, null))
        {
            string text = error.Render();
            stderr.Write(error.Path == null ? "mmudsl: " + text : text);
        }
    }

    /// <summary>Writes the repro of every class that has one, each atomically (a temporary file, then a rename).</summary>
    public static IReadOnlyDictionary<FindingClass, ExploreRepro> WriteAll(ExploreReport report, string folder)
    {
        var written = new Dictionary<FindingClass, ExploreRepro>();
        foreach (var (cls, count) in report.Classes)
        {
            if (count.Repro == null)
            {
                continue;
            }

            string path = System.IO.Path.Combine(folder, FileName(cls));
            int statements = count.Statements;
            string temp = path + ".tmp";
            try
            {
                Directory.CreateDirectory(folder);
                File.WriteAllText(temp, count.Repro);
                File.Move(temp, path, overwrite: true);
                written[cls] = new ExploreRepro(path, statements, null);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
            {
                TryDelete(temp);
                written[cls] = new ExploreRepro(path, statements, $"{path}: {e.Message}");
            }
        }

        return written;
    }

    /// <summary>The file name of a class's repro.</summary>
    public static string FileName(FindingClass cls) => cls switch
    {
        FindingClass.InvariantViolation => "invariant-violation.mmu",
        FindingClass.SemanticDivergence => "semantic-divergence.mmu",
        FindingClass.SemanticDivergenceAfterInterrupt => "semantic-divergence-after-interrupt.mmu",
        FindingClass.SemanticDivergenceAfterYield => "semantic-divergence-after-yield.mmu",
        FindingClass.MetadataAllowed => "metadata-stale-bits.mmu",
        FindingClass.MetadataNotAllowed => "metadata-missing-bit.mmu",
        _ => "algorithm-failed.mmu",
    };

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            // Nothing was written, or it cannot be removed either: the report says what failed.
        }
    }
}
