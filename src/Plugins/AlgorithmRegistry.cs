using MmuDsl.Mmu.Algorithms;

namespace MmuDsl.Plugins;

/// <summary>
/// The one place where an algorithm is found from what a user wrote: a name resolves among the
/// built-ins (<see cref="WalkAlgorithms"/>) and the plug-ins already loaded with this registry;
/// a path to a <c>.cs</c> file loads a plug-in (<see cref="PluginLoader"/>). One registry per
/// run: the <c>algorithms</c> statement, <c>@NAME</c> qualifiers, golden-block sections,
/// <c>--algorithm</c> and <c>explore -a</c> all resolve through it.
/// </summary>
public sealed class AlgorithmRegistry
{
    private readonly PluginLoader _loader;
    private readonly List<LoadedPlugin> _plugins = [];

    /// <summary>A registry that loads plug-ins with <paramref name="loader"/> (default: <see cref="PluginLoader.Default"/>).</summary>
    public AlgorithmRegistry(PluginLoader? loader = null)
    {
        _loader = loader ?? PluginLoader.Default;
    }

    /// <summary>The plug-ins loaded so far, in the order they were first named.</summary>
    public IReadOnlyList<LoadedPlugin> Plugins => _plugins;

    /// <summary>True when <paramref name="text"/> names a plug-in file rather than an algorithm.</summary>
    public static bool IsPath(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) || text.Contains('/', StringComparison.Ordinal) || text.Contains('\\', StringComparison.Ordinal);
    }

    /// <summary>
    /// Resolves a name, or a plug-in path relative to <paramref name="baseDirectory"/> (the current
    /// folder when null). Two different plug-ins with one name are an error.
    /// </summary>
    public AlgorithmResolution Resolve(string text, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!IsPath(text))
        {
            var found = Find(text);
            return found != null
                ? AlgorithmResolution.Of(found, PluginOf(found))
                : AlgorithmResolution.Failed($"unknown algorithm '{text}'; algorithms are {Names()}, or the path of a plug-in's .cs file");
        }

        return ResolvePath(text, baseDirectory);
    }

    /// <summary>Loads the plug-in at <paramref name="text"/>, a path relative to <paramref name="baseDirectory"/> (the current folder when null).</summary>
    public AlgorithmResolution ResolvePath(string text, string? baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(text);
        string path = baseDirectory == null || Path.IsPathRooted(text) ? text : Path.Combine(baseDirectory, text);
        var loaded = _loader.Load(path, text);
        if (loaded.Plugin is not { } plugin)
        {
            return loaded;
        }

        var twin = _plugins.Find(p => string.Equals(p.Algorithm.Name, plugin.Algorithm.Name, StringComparison.Ordinal));
        if (twin != null && !ReferenceEquals(twin.Algorithm, plugin.Algorithm))
        {
            return AlgorithmResolution.Failed($"the plug-in '{text}' is named '{plugin.Algorithm.Name}', like the plug-in {twin.Path} loaded before it; algorithms in one run need names of their own");
        }

        if (twin == null)
        {
            _plugins.Add(plugin);
        }

        return loaded;
    }

    /// <summary>The built-in or loaded algorithm named <paramref name="name"/>, or null.</summary>
    public UnsyncWalkAlgorithm? Find(string name) =>
        WalkAlgorithms.Find(name) ?? _plugins.Find(p => string.Equals(p.Algorithm.Name, name, StringComparison.Ordinal))?.Algorithm;

    /// <summary>The plug-in <paramref name="algorithm"/> was loaded from, or null for a built-in.</summary>
    public LoadedPlugin? PluginOf(UnsyncWalkAlgorithm algorithm) => _plugins.Find(p => ReferenceEquals(p.Algorithm, algorithm));

    /// <summary>Every name the registry knows: the built-ins, then the loaded plug-ins.</summary>
    public IEnumerable<string> AllNames() =>
        WalkAlgorithms.Builtins.Select(a => a.Name).Concat(_plugins.Select(p => p.Algorithm.Name));

    /// <summary>
    /// The order algorithms run in: the built-ins in their order (legacy, recursive, eager, then
    /// the mutants), then plug-ins in the order they were loaded.
    /// </summary>
    public int RunOrder(UnsyncWalkAlgorithm algorithm)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        int builtin = WalkAlgorithms.RunOrder(algorithm);
        if (builtin >= 0)
        {
            return builtin;
        }

        int plugin = _plugins.FindIndex(p => ReferenceEquals(p.Algorithm, algorithm));
        return plugin >= 0 ? WalkAlgorithms.Builtins.Count + plugin : int.MaxValue;
    }

    /// <summary>The names to offer in a message: the real built-ins and the loaded plug-ins (not the mutants).</summary>
    public string Names() =>
        string.Join(", ", WalkAlgorithms.All.Select(a => a.Name).Concat(_plugins.Select(p => p.Algorithm.Name)));
}
