using System.Buffers.Binary;
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

        bool known = !previous.IsEmpty & HasPackReference();
        var snapshot = _packedStates;
        var changed = _changed;

        // Slots below 64 (the usual case) are all in the bitmaps' first word.
        bool firstWord = slots[n - 1] < 64;
        long unsync = Stats.Unsync;
        into[0] = unsync is >= sbyte.MinValue and <= sbyte.MaxValue ? (byte)(sbyte)unsync : throw Unpackable($"stat.unsync = {unsync}");
        int at = 1;
        int was = known ? 1 : 0;
        for (int id = 0; id < pages.Count; id++)
        {
            ref var s = ref states[id];
            int sptesLength = s.Level >= 2 ? n : 0;
            int syncs = s.Syncs;
            int children = s.UnsyncChildren;
            if ((uint)syncs > 255 || children is < sbyte.MinValue or > sbyte.MaxValue)
            {
                throw Unpackable($"{pages[id].Name}.syncs = {syncs}, unsync_children = {children}");
            }

            if (known)
            {
                // The page in `previous`. Unless its bitmap, sptes or parent ptes changed since, only
                // its dense state may differ, and the rest of its bytes are copied.
                int length = 4 + sptesLength + 1 + previous[was + 4 + sptesLength];
                var before = previous.Slice(was, length);
                was += length;
                if ((changed[id >> 6] & (1UL << id)) == 0)
                {
                    var page = into.Slice(at, length);
                    if (SameState(in s, in snapshot[id]))
                    {
                        CopySmall(before, page);
                    }
                    else
                    {
                        page[0] = PackedFlags(in s);
                        page[1] = (byte)syncs;
                        page[2] = (byte)(sbyte)children;
                        CopySmall(before[3..], page[3..]);
                        snapshot[id] = s;
                    }

                    at += length;
                    continue;
                }
            }

            at = PackPage(pages[id], in s, into, at, slots, firstWord);
            snapshot[id] = s;
        }

        changed.AsSpan().Clear();
        previousLength = was;
        return at;
    }

    /// <summary>A page's flags byte in the vector: unsync 1, zapped 2, fail-next-sync 4.</summary>
    private static byte PackedFlags(in PageSyncState s) =>
        (byte)((s.Unsync ? 1 : 0) | (s.Zapped ? 2 : 0) | (s.FailNextSync ? 4 : 0));

    /// <summary>Encodes one page at <paramref name="at"/> (see <see cref="PackState(Span{byte}, ReadOnlySpan{int})"/>); returns where the next one goes.</summary>
    private static int PackPage(ShadowPage page, in PageSyncState s, Span<byte> into, int at, ReadOnlySpan<int> slots, bool firstWord)
    {
        int n = slots.Length;
        ref readonly var bitmap = ref page.UnsyncChildBitmapBits;
        int bits = firstWord ? SlotBits(bitmap.Word(0), slots) : SlotBits(bitmap, slots);
        if (BitOperations.PopCount((uint)bits) != (firstWord ? BitOperations.PopCount(bitmap.Word(0)) + BitsAboveFirstWord(bitmap) : bitmap.PopCount()))
        {
            throw Unpackable($"{page.Name}'s bitmap {bitmap} has a bit outside the slots");
        }

        into[at] = PackedFlags(in s);
        into[at + 1] = (byte)s.Syncs;
        into[at + 2] = (byte)(sbyte)s.UnsyncChildren;
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

        return at;
    }

    // The reference for PackState's copies: what the engine held when it was last packed or
    // unpacked. Each page's dense state then (compared with the live one), and the pages whose
    // bitmap, sptes or parent ptes changed since (a bit per page id, set by Changed). The dense
    // state is compared rather than tracked, so that the sync loop and the walk need not say what
    // they wrote; the bitmap, sptes and parent ptes change through a few methods only, which call Changed.
    private PageSyncState[] _packedStates = [];
    private ulong[] _changed = [];

    /// <summary>Notes that page <paramref name="id"/>'s bitmap, sptes or parent ptes changed (see <see cref="PackState(Span{byte}, ReadOnlySpan{int}, ReadOnlySpan{byte}, out int)"/>).</summary>
    internal void Changed(int id)
    {
        var changed = _changed;
        if ((uint)(id >> 6) < (uint)changed.Length)
        {
            changed[id >> 6] |= 1UL << id;
        }
    }

    // True when the reference has one entry per page; otherwise makes it so (a page was made
    // since: nothing can be copied this once).
    private bool HasPackReference()
    {
        if (_packedStates.Length == _pages.Count)
        {
            return true;
        }

        _packedStates = new PageSyncState[_pages.Count];
        _changed = new ulong[(_pages.Count + 63) / 64];
        return false;
    }

    private static bool SameState(in PageSyncState a, in PageSyncState b) =>
        a.UnsyncChildren == b.UnsyncChildren && a.Syncs == b.Syncs && a.Unsync == b.Unsync && a.Zapped == b.Zapped && a.FailNextSync == b.FailNextSync;

    // A page's bytes are a dozen at most: a plain loop beats a call to a vectorized copy.
    private static void CopySmall(ReadOnlySpan<byte> from, Span<byte> to)
    {
        for (int i = 0; i < from.Length; i++)
        {
            to[i] = from[i];
        }
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

        bool reference = HasPackReference();
        var states = _syncStates;
        int count = _pages.Count;
        if (known && reference)
        {
            // Equal bytes give equal lengths: `current`'s need not be read.
            int length = ReadLength(from, n);
            if (length <= current.Length && from[..length].SequenceEqual(current[..length]))
            {
                // The same bytes (an operation that changed nothing in this engine, a sync with
                // nothing to do say): the engine holds them already, and was packed into them last.
                currentLength = length;
                return length;
            }
        }

        for (int id = 0; id < count; id++)
        {
            // The level from the dense state: a page that is the same in both is not touched at all.
            int sptesLength = states[id].Level >= 2 ? n : 0;
            int parentsAt = at + 4 + sptesLength;
            int length = 4 + sptesLength + 1 + from[parentsAt];
            if (known)
            {
                int currentParentsAt = was + 4 + sptesLength;
                int currentLengthOfPage = 4 + sptesLength + 1 + current[currentParentsAt];
                if (BinaryPrimitives.ReadUInt32LittleEndian(from[at..]) != BinaryPrimitives.ReadUInt32LittleEndian(current[was..]))
                {
                    UnpackPageState(_pages[id], from.Slice(at, 4), slots, clearBitmap: false);
                }

                if (sptesLength != 0 && !Same(from.Slice(at + 4, sptesLength), current.Slice(was + 4, sptesLength)))
                {
                    UnpackSptes(_pages[id], from.Slice(at + 4, sptesLength), slots);
                }

                int parents = length - (4 + sptesLength);
                if (currentLengthOfPage != length || !Same(from.Slice(parentsAt, parents), current.Slice(currentParentsAt, parents)))
                {
                    UnpackParents(_pages[id], from.Slice(parentsAt, parents), slots);
                }

                was += currentLengthOfPage;
            }
            else
            {
                var page = _pages[id];
                UnpackPageState(page, from.Slice(at, 4), slots, clearBitmap: true);
                if (sptesLength != 0)
                {
                    UnpackSptes(page, from.Slice(at + 4, sptesLength), slots);
                }

                UnpackParents(page, from.Slice(parentsAt, length - (4 + sptesLength)), slots);
            }

            at += length;
        }

        // The engine holds `from`: the reference for the next pack's copies.
        Array.Copy(states, _packedStates, count);
        _changed.AsSpan().Clear();
        currentLength = was;
        return at;
    }

    // The bytes of one engine's state at the start of `from`.
    private int ReadLength(ReadOnlySpan<byte> from, int n)
    {
        var states = _syncStates;
        int count = _pages.Count;
        int at = 1;
        for (int id = 0; id < count; id++)
        {
            int parentsAt = at + 4 + (states[id].Level >= 2 ? n : 0);
            at = parentsAt + 1 + from[parentsAt];
        }

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
