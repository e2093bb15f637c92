using System.Collections.Immutable;
using MmuDsl.Mmu;

namespace MmuDsl.Html.Model;

/// <summary>
/// A page's state as the report draws it, a value: the report keeps each distinct one once and
/// refers to it by number, so two algorithms agree on a page exactly when their numbers agree.
/// </summary>
internal sealed class PageView(bool unsync, bool zapped, int syncs, int unsyncChildren, Bitmap512 bitmap, ImmutableArray<SpteView> sptes) : IEquatable<PageView>
{
    public bool Unsync { get; } = unsync;

    public bool Zapped { get; } = zapped;

    public int Syncs { get; } = syncs;

    public int UnsyncChildren { get; } = unsyncChildren;

    public Bitmap512 Bitmap { get; } = bitmap;

    public ImmutableArray<SpteView> Sptes { get; } = sptes;

    /// <summary>True when the semantic part (unsync, zapped, syncs) equals <paramref name="other"/>'s.</summary>
    public bool SemanticEquals(PageView other) => Unsync == other.Unsync && Zapped == other.Zapped && Syncs == other.Syncs;

    /// <summary>True when the metadata (count and bitmap) equals <paramref name="other"/>'s.</summary>
    public bool MetadataEquals(PageView other) => UnsyncChildren == other.UnsyncChildren && Bitmap == other.Bitmap;

    public bool Equals(PageView? other) =>
        other is not null && Unsync == other.Unsync && Zapped == other.Zapped && Syncs == other.Syncs
        && UnsyncChildren == other.UnsyncChildren && Bitmap == other.Bitmap && Sptes.AsSpan().SequenceEqual(other.Sptes.AsSpan());

    public override bool Equals(object? obj) => Equals(obj as PageView);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Unsync);
        hash.Add(Zapped);
        hash.Add(Syncs);
        hash.Add(UnsyncChildren);
        hash.Add(Bitmap);
        hash.Add(Sptes.Length);
        foreach (var s in Sptes)
        {
            hash.Add(s);
        }

        return hash.ToHashCode();
    }

    /// <summary>The metadata as <c>show</c> prints it: <c>unsync_children=2 bitmap={0,1}</c>, or <c>unsync</c>/<c>sync</c>.</summary>
    public string Describe(int level) =>
        (Zapped ? "zapped " : string.Empty)
        + (level == 1 ? (Unsync ? "unsync" : "sync") + $" syncs={Syncs}" : $"unsync_children={UnsyncChildren} bitmap={Bitmap}");
}
