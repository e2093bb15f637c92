namespace MmuDsl.Plugins.Tests;

/// <summary>
/// A temporary folder for plug-in files, scripts and the plug-in cache of one test; the shipped
/// examples and scenarios, found from the test's output folder upwards.
/// </summary>
internal sealed class PluginFiles : IDisposable
{
    public PluginFiles()
    {
        Folder = Path.Combine(Path.GetTempPath(), "mmudsl-plugins-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        Cache = Path.Combine(Folder, "cache");
        Loader = PluginLoader.WithCacheFolder(Cache);
    }

    public string Folder { get; }

    public string Cache { get; }

    /// <summary>A loader whose disk cache is this test's own.</summary>
    public PluginLoader Loader { get; }

    /// <summary>examples/algorithms of the repository.</summary>
    public static string Examples { get; } = Locate(Path.Combine("examples", "algorithms"));

    /// <summary>scenarios/ of the repository.</summary>
    public static string Scenarios { get; } = Locate("scenarios");

    /// <summary>Writes <paramref name="text"/> to <paramref name="name"/> in the folder; returns its full path.</summary>
    public string Write(string name, string text)
    {
        string path = Path.Combine(Folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>The text of the shipped example <paramref name="name"/>, unchanged.</summary>
    public static string Example(string name) => File.ReadAllText(Path.Combine(Examples, name));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

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
