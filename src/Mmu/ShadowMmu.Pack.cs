using System.Numerics;

namespace MmuDsl.Mmu;

/// <summary>
/// The engine's state as a compact byte vector, for model checkers that keep millions of states
/// (mmudsl explore): <see cref="PackState"/> writes it, <see cref="UnpackState"/> makes an engine
/// built from the same pages hold it again. Only what an operation can change is packed, and
/// only over a fixed, ascending list of spte slots (the only ones children are linked at):
/// <c>stat.unsync</c>, then for each page its flags (unsync, zapped, fail-next-sync), its sync
/// count, its <c>unsync_children</c>, its bitmap (one bit per slot), for a page above level 1
/// the child of each slot, and its parent ptes in order (marking climbs them in that order).
/// With 4 pages and 3 slots that is about 40 bytes.
/// <para>
/// Not packed, and reset by <see cref="UnpackState"/>: the counters but <c>stat.unsync</c> (zero
/// afterwards), the warnings and the recorded sync-postcondition violations (none afterwards).
/// A checker reads those as differences over one operation, which they stay.
/// </para>
/// </summary>
public sealed partial class ShadowMmu
{
    /// <summary>
    /// The most bytes <see cref="PackState"/> can write for this engine's pages over
    /// <paramref name="slotCount"/> slots.
    /// </summary>
    public int PackedSizeBound(int slotCount)
    {
        int upper = 0;
        foreach (var page in _pages)
        {
            upper += page.Level >= 2 ? 1 : 0;
        }

        // stat.unsync; per page 5 bytes, a child per slot above level 1, and at most one parent
        // pte per (upper page, slot).
        return 1 + (_pages.Count * (5 + (upper * slotCount))) + (upper * slotCount);
    }

    /// <summary>
    /// Writes the state into <paramref name="into"/> (at least <see cref="PackedSizeBound"/>
    /// bytes) over <paramref name="slots"/> (ascending, at most 8) and returns the bytes written.
    /// Throws <see cref="MmuException"/> when the state does not fit: an spte, a bit or a parent
    /// pte outside the slots, a leaf spte, more than 255 pages by slots, or a count beyond a byte.
    /// </summary>
    public int PackState(Span<byte> into, ReadOnlySpan<int> slots)
    {
        int n = slots.Length;
        var pages = _pages;
        var states = _syncStates;
        if (n is < 1 or > 8 || pages.Count * n > 255)
        {
            throw Unpackable($"{pages.Count} pages over {n} slots");
        }

        // Slots below 64 (the usual case) are all in the bitmaps' first word.
        bool firstWord = slots[n - 1] < 64;
        long unsync = Stats.Unsync;
        into[0] = unsync is >= sbyte.MinValue and <= sbyte.MaxValue ? (byte)(sbyte)unsync : throw Unpackable($"stat.unsync = {unsync}");
        int at = 1;
        for (int id = 0; id < pages.Count; id++)
        {
            var page = pages[id];
            ref var s = ref states[id];
            int syncs = s.Syncs;
            int children = s.UnsyncChildren;
            if ((uint)syncs > 255 || children is < sbyte.MinValue or > sbyte.MaxValue)
            {
                throw Unpackable($"{page.Name}.syncs = {syncs}, unsync_children = {children}");
            }

            ref readonly var bitmap = ref page.UnsyncChildBitmapBits;
            int bits = firstWord ? SlotBits(bitmap.Word(0), slots) : SlotBits(bitmap, slots);
            if (BitOperations.PopCount((uint)bits) != (firstWord ? BitOperations.PopCount(bitmap.Word(0)) + BitsAboveFirstWord(bitmap) : bitmap.PopCount()))
            {
                throw Unpackable($"{page.Name}'s bitmap {bitmap} has a bit outside the slots");
            }

            into[at] = (byte)((s.Unsync ? 1 : 0) | (s.Zapped ? 2 : 0) | (s.FailNextSync ? 4 : 0));
            into[at + 1] = (byte)syncs;
            into[at + 2] = (byte)(sbyte)children;
            into[at + 3] = (byte)bits;
            at += 4;
            var sptes = page.Sptes;
            if (page.Level >= 2)
            {
                // The slots ascend, so the children of the slots that link come in rank order.
                int rank = 0;
                for (int j = 0; j < n; j++)
                {
                    into[at + j] = sptes != null && sptes.IsLink(slots[j]) ? (byte)(sptes.ChildIdAtRank(rank++) + 1) : (byte)0;
                }

                at += n;
                if ((sptes?.PresentCount ?? 0) != rank)
                {
                    throw Unpackable($"{page.Name} has an spte outside the slots, or a leaf spte");
                }
            }
            else if (sptes is { PresentCount: > 0 })
            {
                throw Unpackable($"{page.Name} has leaf sptes");
            }

            int parents = page.ParentCount;
            into[at++] = (byte)parents;
            for (int k = 0; k < parents; k++)
            {
                var pte = page.ParentAt(k);
                int j = n - 1;
                while (j >= 0 && slots[j] != pte.Index)
                {
                    j--;
                }

                if (j < 0)
                {
                    throw Unpackable($"{page.Name}'s parent pte {pte.Parent.Name}[{pte.Index}] is outside the slots");
                }

                into[at++] = (byte)((pte.Parent.Id * n) + j);
            }
        }

        return at;
    }

    private static int SlotBits(ulong word, ReadOnlySpan<int> slots)
    {
        int bits = 0;
        for (int j = 0; j < slots.Length; j++)
        {
            bits |= (int)((word >> slots[j]) & 1) << j;
        }

        return bits;
    }

    private static int SlotBits(in Bitmap512 bitmap, ReadOnlySpan<int> slots)
    {
        int bits = 0;
        for (int j = 0; j < slots.Length; j++)
        {
            bits |= bitmap.IsSet(slots[j]) ? 1 << j : 0;
        }

        return bits;
    }

    private static int BitsAboveFirstWord(in Bitmap512 bitmap)
    {
        ulong any = 0;
        for (int w = 1; w < Bitmap512.Size / 64; w++)
        {
            any |= bitmap.Word(w);
        }

        return any == 0 ? 0 : 64;
    }

    /// <summary>
    /// Makes this engine hold the state <paramref name="from"/> was packed from (by an engine made
    /// of the same pages, over the same <paramref name="slots"/>) and returns the bytes read. The
    /// counters but <c>stat.unsync</c> are zeroed, the warnings and recorded violations cleared.
    /// <paramref name="current"/> is what <see cref="PackState"/> wrote for the state this engine
    /// holds now, or empty when that is not known: the pages whose bytes are the same in both are
    /// left as they are (a search restores states that differ from the last in a page or two);
    /// <paramref name="currentLength"/> is the bytes of <paramref name="current"/> that were this engine's.
    /// </summary>
    public int UnpackState(ReadOnlySpan<byte> from, ReadOnlySpan<int> slots, ReadOnlySpan<byte> current, out int currentLength)
    {
        int n = slots.Length;
        bool known = !current.IsEmpty;
        int at = 0;
        int was = 0;
        Stats.Reset();
        Stats.Unsync = (sbyte)from[at++];
        was++;
        _warnings.Clear();
        _syncViolations.Clear();
        for (int id = 0; id < _pages.Count; id++)
        {
            var page = _pages[id];
            int fixedBytes = page.Level >= 2 ? 5 + n : 5;
            int length = fixedBytes + from[at + fixedBytes - 1];
            if (known)
            {
                int currentBytes = fixedBytes + current[was + fixedBytes - 1];
                bool same = currentBytes == length && Same(from.Slice(at, length), current.Slice(was, length));
                was += currentBytes;
                if (same)
                {
                    at += length;
                    continue;
                }
            }

            UnpackPage(page, from.Slice(at, length), slots, clearBitmap: !known);
            at += length;
        }

        currentLength = was;
        return at;
    }

    /// <summary>Restores one page from its bytes (see <see cref="PackState"/>).</summary>
    private void UnpackPage(ShadowPage page, ReadOnlySpan<byte> from, ReadOnlySpan<int> slots, bool clearBitmap)
    {
        int n = slots.Length;
        ref var s = ref _syncStates[page.Id];
        byte flags = from[0];
        s.Unsync = (flags & 1) != 0;
        s.Zapped = (flags & 2) != 0;
        s.FailNextSync = (flags & 4) != 0;
        s.Syncs = from[1];
        s.UnsyncChildren = (sbyte)from[2];

        // A state packed has only slot bits set (PackState checks it): from one, the others are
        // clear already. From an engine whose state is not known, clear them all.
        int bits = from[3];
        ref var bitmap = ref page.UnsyncChildBitmapBits;
        if (clearBitmap)
        {
            bitmap.ClearAll();
        }

        for (int j = 0; j < n; j++)
        {
            if ((bits & (1 << j)) != 0)
            {
                bitmap.Set(slots[j]);
            }
            else
            {
                bitmap.Clear(slots[j]);
            }
        }

        int at = 4;
        if (page.Level >= 2)
        {
            page.ResetSptes();
            for (int j = 0; j < n; j++)
            {
                int child = from[at++];
                if (child != 0)
                {
                    page.SetLinkSpte(slots[j], _pages[child - 1]);
                }
            }
        }

        page.ClearParentPtes();
        int parents = from[at++];
        for (int k = 0; k < parents; k++)
        {
            int pte = from[at++];
            page.AddParentPte(new ParentPte(_pages[pte / n], slots[pte % n]));
        }
    }

    // A page's bytes are a dozen at most: a plain loop beats a vectorized compare's set-up.
    private static bool Same(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        for (int i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i])
            {
                return false;
            }
        }

        return true;
    }

    private static MmuException Unpackable(string what) =>
        new(MmuErrorKind.BadArgument, $"cannot pack the engine's state: {what}");
}
