using System.Collections.Immutable;

namespace MmuDsl.Mmu;

/// <summary>One page's state at a moment, as a value (for comparing two engines).</summary>
public sealed record PageState(
    string Name,
    int Level,
    bool Unsync,
    bool Zapped,
    int Syncs,
    int UnsyncChildren,
    Bitmap512 Bitmap,
    ImmutableArray<(int Index, SpteKind Kind, string? Child)> Sptes)
{
    /// <summary>True when the semantic part (unsync, zapped, syncs) equals <paramref name="other"/>'s.</summary>
    public bool SemanticEquals(PageState other) =>
        Name == other.Name && Unsync == other.Unsync && Zapped == other.Zapped && Syncs == other.Syncs;

    /// <summary>True when the metadata (count and bitmap) equals <paramref name="other"/>'s.</summary>
    public bool MetadataEquals(PageState other) => UnsyncChildren == other.UnsyncChildren && Bitmap == other.Bitmap;

    /// <summary>True when the sptes are the same.</summary>
    public bool StructureEquals(PageState other) => Sptes.SequenceEqual(other.Sptes);

    /// <summary>Value equality, the sptes compared element by element.</summary>
    public bool Equals(PageState? other) =>
        other is not null && Name == other.Name && Level == other.Level && Unsync == other.Unsync && Zapped == other.Zapped
        && Syncs == other.Syncs && UnsyncChildren == other.UnsyncChildren && Bitmap == other.Bitmap && StructureEquals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, Unsync, Zapped, Syncs, UnsyncChildren, Bitmap, Sptes.Length);
}
