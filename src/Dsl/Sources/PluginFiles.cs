using MmuDsl.Plugins;

namespace MmuDsl.Dsl.Sources;

/// <summary>
/// The plug-in loader every command uses: plug-in files are read as scenarios are, only when they
/// are regular files (a FIFO, a device or a socket is refused before it is opened) and within
/// the plug-in size limit.
/// </summary>
public static class PluginFiles
{
    /// <summary>The loader, with the default disk cache.</summary>
    public static PluginLoader Loader { get; } = PluginLoader.WithReader(Read);

    /// <summary>A loader with its own cache folder, for tests.</summary>
    public static PluginLoader WithCacheFolder(string? folder) => PluginLoader.WithReader(Read, folder);

    private static byte[]? Read(string path, long maxBytes, out string? problem)
    {
        var bytes = SourceReader.ReadBytes(path, maxBytes, out problem);
        if (problem == "it is a folder")
        {
            problem = "it is a folder, not a C# file";
        }

        return bytes;
    }
}
