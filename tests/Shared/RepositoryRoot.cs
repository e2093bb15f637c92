namespace MmuDsl.Tests.Shared;

/// <summary>The repository's root folder (the one holding MmuDsl.sln), found upwards from the test's output folder.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Locate();

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "MmuDsl.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("MmuDsl.sln is not above " + AppContext.BaseDirectory);
    }
}
