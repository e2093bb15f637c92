namespace MmuDsl.Testing;

/// <summary>
/// Finds <c>.mmu</c> scenarios for data-driven tests. With xunit:
/// <code>
/// public static IEnumerable&lt;object[]&gt; Scenarios =&gt; ScenarioFiles.Under("scenarios").Select(p =&gt; new object[] { p });
/// [Theory, MemberData(nameof(Scenarios))]
/// public void Scenario_Holds(string path) =&gt; ScenarioAssert.Passes(path);
/// </code>
/// </summary>
public static class ScenarioFiles
{
    /// <summary>
    /// Every <c>.mmu</c> file under <paramref name="folder"/>, as full paths sorted ordinally (so
    /// test cases come in a stable order). A relative folder is looked up from the test's output
    /// folder upwards until found, so it works from <c>bin/Debug/net10.0</c>. Each folder is walked
    /// once, by its real path: a symbolic link loop ends the walk of that branch.
    /// </summary>
    public static IReadOnlyList<string> Under(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        string root = Locate(folder);
        return MmuDsl.Dsl.Sources.ScenarioFolder.Find(root, _ => { })
            .Select(Path.GetFullPath)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The absolute path of <paramref name="folder"/>, searched from the current test's output folder upwards.</summary>
    public static string Locate(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (Path.IsPathRooted(folder))
        {
            return Directory.Exists(folder) ? folder : throw new DirectoryNotFoundException($"no scenario folder {folder}");
        }

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
