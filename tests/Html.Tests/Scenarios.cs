namespace MmuDsl.Html.Tests;

/// <summary>The shipped scenarios, as theory data.</summary>
public static class Scenarios
{
    public static IEnumerable<object[]> Shipped() =>
        Directory.EnumerateFiles(Path.Combine(Repo.Root, "scenarios"), "*.mmu", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}common{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(p => new object[] { Path.GetRelativePath(Path.Combine(Repo.Root, "scenarios"), p).Replace('\\', '/') });

    /// <summary>Every algorithm the engine has, mutants included: side by side must hold for N of them.</summary>
    public static readonly string[] AllAlgorithms = ["legacy", "recursive", "eager", "mutant_no_stale_clear", "mutant_first_parent_marking"];
}
