using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;
using System.Security.Cryptography;
using System.Text;
using MmuDsl.Mmu.Algorithms;

namespace MmuDsl.Plugins;

/// <summary>
/// Loads a plug-in algorithm from a C# file: reads it (a regular file of at most
/// <see cref="MaxFileBytes"/>, valid UTF-8), takes the compiled assembly from the cache or
/// compiles it (<see cref="PluginCompiler"/>), loads it, makes the one instance, and checks its
/// name (an identifier that no built-in has). A file is loaded once per process and content.
/// A plug-in runs with the user's rights, like a script they wrote.
/// </summary>
public sealed class PluginLoader
{
    /// <summary>The largest plug-in file read.</summary>
    public const int MaxFileBytes = 4 * 1024 * 1024;

    private static readonly string ToolKey = ComputeToolKey();

    private readonly PluginCache _cache;
    private readonly ReadPluginFile _read;

    // Plug-ins this loader has loaded, by cache key: a second resolution loads nothing.
    private readonly ConcurrentDictionary<string, Lazy<AlgorithmResolution>> _loaded = new(StringComparer.Ordinal);

    /// <summary>A loader with the default disk cache.</summary>
    public PluginLoader()
        : this(PluginCache.Default, null)
    {
    }

    internal PluginLoader(PluginCache cache, ReadPluginFile? read)
    {
        _cache = cache;
        _read = read ?? ReadPlainFile;
    }

    /// <summary>
    /// Reads a plug-in file: its bytes, at most <c>maxBytes</c>, or null and why not (one line).
    /// A reader that refuses what is not a regular file (a FIFO would block) is given by the
    /// language's front end, which knows how to ask the system.
    /// </summary>
    public delegate byte[]? ReadPluginFile(string path, long maxBytes, out string? problem);

    /// <summary>The loader every command uses.</summary>
    public static PluginLoader Default { get; } = new();

    /// <summary>A loader with its own cache folder (null: none), for tests and benchmarks.</summary>
    public static PluginLoader WithCacheFolder(string? folder) => new(new PluginCache(folder), null);

    /// <summary>A loader that reads files with <paramref name="read"/>, with the default disk cache (or <paramref name="cacheFolder"/>).</summary>
    public static PluginLoader WithReader(ReadPluginFile read, string? cacheFolder = null) =>
        new(cacheFolder == null ? PluginCache.Default : new PluginCache(cacheFolder), read);

    /// <summary>Loads the plug-in at <paramref name="path"/> (relative to the current folder), shown as <paramref name="displayPath"/>.</summary>
    public AlgorithmResolution Load(string path, string? displayPath = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        displayPath ??= path;
        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return AlgorithmResolution.Failed($"cannot load the plug-in '{displayPath}': {e.Message}");
        }

        byte[]? bytes = _read(full, MaxFileBytes, out string? problem);
        if (bytes == null)
        {
            return AlgorithmResolution.Failed($"cannot load the plug-in '{displayPath}': {problem}");
        }

        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return AlgorithmResolution.Failed($"cannot load the plug-in '{displayPath}': it is not valid UTF-8 text");
        }

        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        string sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        string key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{ToolKey}\n{full}\n{sha}")))[..32];
        var lazy = _loaded.GetOrAdd(key, k => new Lazy<AlgorithmResolution>(() => LoadNew(k, full, displayPath, text, sha)));
        var result = lazy.Value;
        if (result.Algorithm == null)
        {
            // A failure is not kept: the next call reports it afresh (its paths may differ).
            _loaded.TryRemove(key, out _);
        }

        return result;
    }

    private AlgorithmResolution LoadNew(string key, string full, string displayPath, string text, string sha)
    {
        var clock = Stopwatch.StartNew();
        bool fromCache = true;
        int nameLine = 1;
        int nameColumn = 1;
        var cached = _cache.TryRead(key);
        if (cached is not { } entry)
        {
            fromCache = false;
            var compiled = PluginCompiler.Compile(full, displayPath, text, "mmudsl_plugin_" + key);
            if (compiled.Errors.Count > 0)
            {
                return AlgorithmResolution.Failed($"the plug-in '{displayPath}' does not compile", compiled.Errors);
            }

            entry = (compiled.Assembly!, compiled.Pdb!, compiled.TypeName!);
            nameLine = compiled.NameLine;
            nameColumn = compiled.NameColumn;
        }

        UnsyncWalkAlgorithm algorithm;
        try
        {
            // A context of its own per load (the engine's types still come from the default one):
            // two loaders may load the same assembly name.
            var context = new AssemblyLoadContext("mmudsl-plugin-" + key);
            var assembly = context.LoadFromStream(new MemoryStream(entry.Assembly), new MemoryStream(entry.Pdb));
            var type = assembly.GetType(entry.TypeName, throwOnError: true)!;
            algorithm = (UnsyncWalkAlgorithm)Activator.CreateInstance(type, nonPublic: true)!;
            string name = algorithm.Name;
            string? problem = NameProblem(name);
            if (problem != null)
            {
                return AlgorithmResolution.Failed($"the plug-in '{displayPath}' cannot be used", [new PluginDiagnostic(displayPath, nameLine, nameColumn, problem, text)]);
            }
        }
        catch (Exception e) when (e is TargetInvocationException or BadImageFormatException or FileLoadException or TypeLoadException or MissingMethodException or InvalidCastException)
        {
            var inner = e is TargetInvocationException { InnerException: { } cause } ? cause : e;
            return AlgorithmResolution.Failed($"the plug-in '{displayPath}' could not be loaded: {inner.GetType().Name}: {inner.Message}");
        }

        if (!fromCache)
        {
            _cache.Write(key, entry.Assembly, entry.Pdb, entry.TypeName);
        }

        return AlgorithmResolution.Of(algorithm, new LoadedPlugin(algorithm, full, sha, fromCache, clock.Elapsed));
    }

    /// <summary>The plain reader: a file that exists, of at most <paramref name="maxBytes"/> bytes.</summary>
    private static byte[]? ReadPlainFile(string path, long maxBytes, out string? problem)
    {
        problem = null;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                problem = Directory.Exists(path) ? "it is a folder, not a C# file" : "no such file";
                return null;
            }

            if (info.Length > maxBytes)
            {
                problem = $"it has {info.Length} bytes, more than the {maxBytes} a plug-in file may have";
                return null;
            }

            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            problem = e.Message;
            return null;
        }
    }

    /// <summary>Why <paramref name="name"/> cannot name a plug-in, or null.</summary>
    private static string? NameProblem(string? name)
    {
        if (string.IsNullOrEmpty(name) || !(char.IsAsciiLetter(name[0]) || name[0] == '_') || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            return $"the algorithm's Name '{name}' is not an identifier ([A-Za-z_][A-Za-z0-9_]*): scripts name it in 'algorithms' and '@{name}'";
        }

        if (WalkAlgorithms.Find(name) != null)
        {
            return $"the algorithm's Name '{name}' is a built-in's; give it a name of its own (a file may derive from the built-in it changes)";
        }

        return null;
    }

    private static string ComputeToolKey()
    {
        var engine = typeof(UnsyncWalkAlgorithm).Assembly.ManifestModule.ModuleVersionId;
        var self = typeof(PluginLoader).Assembly.ManifestModule.ModuleVersionId;
        return $"{engine:N}-{self:N}-{Environment.Version}";
    }
}
