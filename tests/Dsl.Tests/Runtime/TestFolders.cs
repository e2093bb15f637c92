namespace MmuDsl.Dsl.Tests.Runtime;

/// <summary>
/// Finds the runtime cases and the shipped scenarios from the test's output folder upwards, as
/// MmuDsl.Testing's ScenarioFiles.Locate does (the files are read in place, not copied).
/// </summary>
internal static class TestFolders
{
    /// <summary>tests/Dsl.Tests/Runtime/Cases: the golden pairs NAME.mmu + NAME.out.</summary>
    public static string Cases { get; } = Locate(Path.Combine("tests", "Dsl.Tests", "Runtime", "Cases"));

    /// <summary>scenarios/: the shipped golden suite.</summary>
    public static string Scenarios { get; } = Locate("scenarios");

    /// <summary>Every shipped scenario, as a full path, sorted.</summary>
    public static IReadOnlyList<string> ShippedScenarios { get; } =
        Directory.EnumerateFiles(Scenarios, "*.mmu", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();

    /// <summary>A shipped scenario's path relative to scenarios/, with forward slashes (stable test names).</summary>
    public static string Relative(string fullPath) => Path.GetRelativePath(Scenarios, fullPath).Replace('\\', '/');

    private static string Locate(string folder)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, folder);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"no folder '{folder}' above {AppContext.BaseDirectory}");
    }
}
