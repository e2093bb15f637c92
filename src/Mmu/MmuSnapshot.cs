using System.Collections.Immutable;

namespace MmuDsl.Mmu;

/// <summary>
/// The whole engine state at a moment, as a value: every page's state and the counters. Two
/// engines that ran the same operations under different algorithms are compared through it:
/// the <em>semantic</em> state (which pages are unsync, synced and how often, zapped; stat.unsync)
/// must agree; the <em>metadata</em> (bitmaps, counts) may legitimately differ.
/// </summary>
public sealed record MmuSnapshot(ImmutableArray<PageState> Pages, MmuStatsSnapshot Stats)
{
    /// <summary>Captures <paramref name="mmu"/>.</summary>
    public static MmuSnapshot Capture(ShadowMmu mmu)
    {
        ArgumentNullException.ThrowIfNull(mmu);
        var pages = ImmutableArray.CreateBuilder<PageState>(mmu.Pages.Count);
        foreach (var p in mmu.Pages)
        {
            var sptes = p.PresentSptes().Select(s => (s.Index, s.Spte.Kind, s.Spte.Child?.Name)).ToImmutableArray();
            pages.Add(new PageState(p.Name, p.Level, p.Unsync, p.Zapped, p.Syncs, p.UnsyncChildren, p.UnsyncChildBitmap, sptes));
        }

        return new MmuSnapshot(pages.MoveToImmutable(), mmu.Stats.Snapshot());
    }

    /// <summary>
    /// The first semantic difference from <paramref name="other"/> (unsync, zapped, syncs of a
    /// page, or stat.unsync), described in words; null when they agree.
    /// </summary>
    public string? FirstSemanticDifference(MmuSnapshot other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Pages.Length != other.Pages.Length)
        {
            return $"{Pages.Length} pages against {other.Pages.Length}";
        }

        for (int i = 0; i < Pages.Length; i++)
        {
            var a = Pages[i];
            var b = other.Pages[i];
            if (a.Unsync != b.Unsync)
            {
                return $"{a.Name}.unsync: {Bool(a.Unsync)} against {Bool(b.Unsync)}";
            }

            if (a.Zapped != b.Zapped)
            {
                return $"{a.Name}.zapped: {Bool(a.Zapped)} against {Bool(b.Zapped)}";
            }

            if (a.Syncs != b.Syncs)
            {
                return $"{a.Name}.syncs: {a.Syncs} against {b.Syncs}";
            }
        }

        if (Stats.Unsync != other.Stats.Unsync)
        {
            return $"stat.unsync: {Stats.Unsync} against {other.Stats.Unsync}";
        }

        return null;
    }

    /// <summary>The first metadata difference (a count or a bitmap), or null.</summary>
    public string? FirstMetadataDifference(MmuSnapshot other)
    {
        ArgumentNullException.ThrowIfNull(other);
        int n = Math.Min(Pages.Length, other.Pages.Length);
        for (int i = 0; i < n; i++)
        {
            var a = Pages[i];
            var b = other.Pages[i];
            if (a.Bitmap != b.Bitmap)
            {
                return $"{a.Name}.bitmap: {a.Bitmap} against {b.Bitmap}";
            }

            if (a.UnsyncChildren != b.UnsyncChildren)
            {
                return $"{a.Name}.unsync_children: {a.UnsyncChildren} against {b.UnsyncChildren}";
            }
        }

        return null;
    }

    /// <summary>Value equality: every page state and the counters.</summary>
    public bool Equals(MmuSnapshot? other) => other is not null && Stats == other.Stats && Pages.SequenceEqual(other.Pages);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Stats, Pages.Length);

    private static string Bool(bool b) => b ? "true" : "false";
}
