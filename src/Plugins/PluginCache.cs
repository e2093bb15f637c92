namespace MmuDsl.Plugins;

/// <summary>
/// Compiled plug-ins on disk, so that a second run does not compile again: one assembly and its
/// symbols per key (the file's path and content hash, and the tool's version: the engine's and
/// this assembly's module ids, which change with every change of their code). The folder is
/// <c>$MMUDSL_CACHE_DIR</c>, else <c>$XDG_CACHE_HOME/mmudsl/plugins</c>, else
/// <c>~/.cache/mmudsl/plugins</c>. Entries are written atomically (temporary file, then rename);
/// a folder that cannot be written only means compiling every time.
/// </summary>
internal sealed class PluginCache
{
    private readonly string? _folder;

    public PluginCache(string? folder)
    {
        _folder = folder;
    }

    /// <summary>The cache in the default folder (see the class summary).</summary>
    public static PluginCache Default { get; } = new(DefaultFolder());

    /// <summary>Reads the entry for <paramref name="key"/>, or null.</summary>
    public (byte[] Assembly, byte[] Pdb, string TypeName)? TryRead(string key)
    {
        if (_folder == null)
        {
            return null;
        }

        try
        {
            string dll = Path.Combine(_folder, key + ".dll");
            string pdb = Path.Combine(_folder, key + ".pdb");
            string type = Path.Combine(_folder, key + ".type");
            if (!File.Exists(dll) || !File.Exists(pdb) || !File.Exists(type))
            {
                return null;
            }

            return (File.ReadAllBytes(dll), File.ReadAllBytes(pdb), File.ReadAllText(type));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Writes an entry; the assembly last, so that its presence means the entry is whole.</summary>
    public void Write(string key, byte[] assembly, byte[] pdb, string typeName)
    {
        if (_folder == null)
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(_folder);
            WriteAtomically(Path.Combine(_folder, key + ".pdb"), pdb);
            WriteAtomically(Path.Combine(_folder, key + ".type"), System.Text.Encoding.UTF8.GetBytes(typeName));
            WriteAtomically(Path.Combine(_folder, key + ".dll"), assembly);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No cache: the next run compiles again.
        }
    }

    private static void WriteAtomically(string path, byte[] bytes)
    {
        string temp = $"{path}.{Environment.ProcessId}.tmp";
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, path, overwrite: true);
    }

    private static string? DefaultFolder()
    {
        string? explicitFolder = Environment.GetEnvironmentVariable("MMUDSL_CACHE_DIR");
        if (!string.IsNullOrEmpty(explicitFolder))
        {
            return Path.Combine(explicitFolder, "plugins");
        }

        string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (!string.IsNullOrEmpty(xdg))
        {
            return Path.Combine(xdg, "mmudsl", "plugins");
        }

        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".cache", "mmudsl", "plugins");
    }
}
