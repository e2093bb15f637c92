namespace MmuDsl.Mmu.Bench.Harness;

/// <summary>Where the repository is, found from the harness's own location (not the working directory).</summary>
internal static class RepoPaths
{
    /// <summary>The folder holding MmuDsl.sln above the running harness, or null (e.g. a copied binary).</summary>
    public static string? FindRoot()
    {
        foreach (string start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "MmuDsl.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }
}
