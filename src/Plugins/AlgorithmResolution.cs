using MmuDsl.Mmu.Algorithms;

namespace MmuDsl.Plugins;

/// <summary>
/// What a name or a path resolved to: an algorithm (with <see cref="Plugin"/> set when it was
/// loaded from a file), or an <see cref="Error"/> with, for a plug-in that does not compile, its
/// <see cref="Diagnostics"/> in the file.
/// </summary>
public sealed record AlgorithmResolution
{
    /// <summary>The algorithm, or null when resolution failed.</summary>
    public UnsyncWalkAlgorithm? Algorithm { get; init; }

    /// <summary>The plug-in it came from, or null for a built-in.</summary>
    public LoadedPlugin? Plugin { get; init; }

    /// <summary>Why it failed (one line), or null.</summary>
    public string? Error { get; init; }

    /// <summary>Errors inside the plug-in file, each with its place (may be empty when <see cref="Error"/> says it all).</summary>
    public IReadOnlyList<PluginDiagnostic> Diagnostics { get; init; } = [];

    /// <summary>A resolved algorithm.</summary>
    public static AlgorithmResolution Of(UnsyncWalkAlgorithm algorithm, LoadedPlugin? plugin = null) =>
        new() { Algorithm = algorithm, Plugin = plugin };

    /// <summary>A failure.</summary>
    public static AlgorithmResolution Failed(string error, IReadOnlyList<PluginDiagnostic>? diagnostics = null) =>
        new() { Error = error, Diagnostics = diagnostics ?? [] };
}
