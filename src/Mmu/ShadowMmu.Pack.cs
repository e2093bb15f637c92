using System.Numerics;

namespace MmuDsl.Mmu;

/// <summary>
/// The engine's state as a compact byte vector, for model checkers that keep millions of states
/// (mmudsl explore): <see cref="PackState(Span{byte}, ReadOnlySpan{int})"/> writes it, <see cref="UnpackState"/> makes an engine
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
    /// The most bytes <see cref="PackState(Span{byte}, ReadOnlySpan{int})"/> can write for this engine's pages over
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
    public int PackState(Span<byte> into, ReadOnlySpan<int> slots) => PackState(into, slots, default, out _);

    /// <summary>
    /// The same, copying from <paramref name="previous"/> the sptes and parent ptes of every page
    /// whose sptes and parent ptes did not change since then (a search's operation changes those of
    /// a page or two, or none). <paramref name="previous"/> must be what this engine's last
    /// <see cref="PackState(Span{byte}, ReadOnlySpan{int})"/> (or this overload) wrote or its last
    /// <see cref="UnpackState"/> read, over the same slots, with nothing packed or unpacked since
    /// (a pack that threw counts: pass empty after it); empty when that is not known, then every
    /// page is encoded. <paramref name="previousLength"/> is the bytes of <paramref name="previous"/>
    /// that were this engine's (0 when it is empty). The bytes written are the same either way.
    /// </summary>
    public int PackState(Span<byte> into, ReadOnlySpan<int> slots, ReadOnlySpan<byte> previous, out int previousLength)
    {
        int n = slots.Length;
        var pages = _pages;
        var states = _syncStates;
        if (n is < 1 or > 8 || pages.Count * n > 255)
        {
            throw Unpackable($"{pages.Count} pages over {n} slots");
        }

        var versions = PackedVersions();
        bool known = !previous.IsEmpty;

        // Slots below 64 (the usual case) are all in the bitmaps' first word.
        bool firstWord = slots[n - 1] < 64;
        long unsync = Stats.Unsync;
        into[0] = unsync is >= sbyte.MinValue and <= sbyte.MaxValue ? (byte)(sbyte)unsync : throw Unpackable($"stat.unsync = {unsync}");
        int at = 1;
        int was = known ? 1 : 0;
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
            int sptesLength = page.Level >= 2 ? n : 0;
            if (known)
            {
                // The page's sptes and parent ptes in `previous`: copied when they did not change.
                int structure = was + 4;
                int length = sptesLength + 1 + previous[structure + sptesLength];
                was = structure + length;
                if (versions[id] == page.StructureVersion)
                {
                    previous.Slice(structure, length).CopyTo(into[at..]);
                    at += length;
                    continue;
                }
            }

            var sptes = page.Sptes;
            if (sptesLength != 0)
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

            versions[id] = page.StructureVersion;
        }

        previousLength = was;
        return at;
    }

    // Each page's StructureVersion when its sptes and parent ptes were last packed or unpacked:
    // the page's sptes and parent ptes are those bytes while the two are equal.
    private int[] _packedVersions = [];

    private int[] PackedVersions()
    {
        if (_packedVersions.Length != _pages.Count)
        {
            // Versions start at 0 and only grow: -1 matches none.
            _packedVersions = new int[_pages.Count];
            Array.Fill(_packedVersions, -1);
        }

        return _packedVersions;
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
    /// <paramref name="current"/> is what <see cref="PackState(Span{byte}, ReadOnlySpan{int})"/> wrote for the state this engine
    /// holds now, or empty when that is not known: the parts of a page (flags, counts and bitmap;
    /// sptes; parent ptes) whose bytes are the same in both are left as they are (a search
    /// restores states that differ from the last in a page or two);
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
        if (_warnings.Count != 0)
        {
            _warnings.Clear();
        }

        if (_syncViolations.Count != 0)
        {
            _syncViolations.Clear();
        }

        var versions = PackedVersions();
        for (int id = 0; id < _pages.Count; id++)
        {
            var page = _pages[id];
            int sptesLength = page.Level >= 2 ? n : 0;
            int parentsAt = at + 4 + sptesLength;
            int length = 4 + sptesLength + 1 + from[parentsAt];
            if (known)
            {
                int currentParentsAt = was + 4 + sptesLength;
                int currentLengthOfPage = 4 + sptesLength + 1 + current[currentParentsAt];
                if (!Same(from.Slice(at, 4), current.Slice(was, 4)))
                {
                    UnpackPageState(page, from.Slice(at, 4), slots, clearBitmap: false);
                }

                if (sptesLength != 0 && !Same(from.Slice(at + 4, sptesLength), current.Slice(was + 4, sptesLength)))
                {
                    UnpackSptes(page, from.Slice(at + 4, sptesLength), slots);
                }

                int parents = length - (4 + sptesLength);
                if (currentLengthOfPage != length || !Same(from.Slice(parentsAt, parents), current.Slice(currentParentsAt, parents)))
                {
                    UnpackParents(page, from.Slice(parentsAt, parents), slots);
                }

                was += currentLengthOfPage;
            }
            else
            {
                UnpackPageState(page, from.Slice(at, 4), slots, clearBitmap: true);
                if (sptesLength != 0)
                {
                    UnpackSptes(page, from.Slice(at + 4, sptesLength), slots);
                }

                UnpackParents(page, from.Slice(parentsAt, length - (4 + sptesLength)), slots);
            }

            versions[id] = page.StructureVersion;
            at += length;
        }

        currentLength = was;
        return at;
    }

    /// <summary>Restores a page's flags, counts and bitmap from its first 4 bytes (see <see cref="PackState(Span{byte}, ReadOnlySpan{int})"/>).</summary>
    private void UnpackPageState(ShadowPage page, ReadOnlySpan<byte> from, ReadOnlySpan<int> slots, bool clearBitmap)
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
    }

    /// <summary>Restores the sptes of a page above level 1 from its child bytes, one per slot.</summary>
    private void UnpackSptes(ShadowPage page, ReadOnlySpan<byte> from, ReadOnlySpan<int> slots)
    {
        page.ResetSptes();
        for (int j = 0; j < from.Length; j++)
        {
            int child = from[j];
            if (child != 0)
            {
                page.SetLinkSpte(slots[j], _pages[child - 1]);
            }
        }
    }

    /// <summary>Restores a page's parent ptes from its count byte and one byte per parent pte.</summary>
    private void UnpackParents(ShadowPage page, ReadOnlySpan<byte> from, ReadOnlySpan<int> slots)
    {
        int n = slots.Length;
        page.ClearParentPtes();
        int parents = from[0];
        for (int k = 1; k <= parents; k++)
        {
            int pte = from[k];
            int parent = pte / n;
            page.AddParentPte(new ParentPte(_pages[parent], slots[pte - (parent * n)]));
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
