using MmuDsl.Mmu.Algorithms;

namespace MmuDsl.Plugins;

/// <summary>
/// A plug-in algorithm loaded from a C# file: the algorithm, the file it came from, the SHA-256
/// of its text (what a result file or a repro names it by), and how it was obtained.
/// </summary>
/// <param name="Algorithm">The algorithm, ready to run.</param>
/// <param name="Path">The file's full path.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the file's bytes.</param>
/// <param name="FromCache">True when the compiled assembly came from the disk cache (no compile).</param>
/// <param name="LoadTime">How long compiling (or reading the cache) and loading took.</param>
public sealed record LoadedPlugin(UnsyncWalkAlgorithm Algorithm, string Path, string Sha256, bool FromCache, TimeSpan LoadTime);
