namespace MmuDsl.Html.Tests;

/// <summary>Paths in the repository the tests run from.</summary>
internal static class Repo
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MmuDsl.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("cannot find MmuDsl.sln above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;

    public static string Scenario(string relative) => Path.Combine(Root, "scenarios", relative);

    /// <summary>artifacts/html-tests/: screenshots and the reports they show (git-ignored).</summary>
    public static string Artifacts
    {
        get
        {
            string dir = Path.Combine(Root, "artifacts", "html-tests");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }
}
