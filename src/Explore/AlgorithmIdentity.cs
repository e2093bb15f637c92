namespace MmuDsl.Explore;

/// <summary>
/// One of the two algorithms an exploration compares, as its results record it: the name, how a
/// repro's <c>algorithms</c> statement names it (the name, or a plug-in's quoted path), and for a
/// plug-in the lower-case hex SHA-256 of its file, so that shards run with different code for the
/// same name are never merged.
/// </summary>
/// <param name="Name">The algorithm's name.</param>
/// <param name="Reference">How a repro names it.</param>
/// <param name="Sha256">The plug-in file's hash; null for a built-in or a mutant.</param>
public sealed record AlgorithmIdentity(string Name, string Reference, string? Sha256)
{
    /// <summary>True when both are the same code: the same name and, for plug-ins, the same file contents.</summary>
    public bool SameCodeAs(AlgorithmIdentity other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Name == other.Name && Sha256 == other.Sha256;
    }

    /// <summary>The name, and the hash's first 12 digits for a plug-in.</summary>
    public string Describe() => Sha256 == null ? Name : $"{Name} (plug-in {Reference}, sha256 {Sha256[..Math.Min(12, Sha256.Length)]}...)";
}
