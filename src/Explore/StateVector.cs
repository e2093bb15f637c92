using System.Numerics;

namespace MmuDsl.Explore;

/// <summary>
/// The combined state of an engine pair as one compact byte vector: a flags byte (a sync of the
/// sequence was interrupted; one yielded), then each engine's <see cref="MmuDsl.Mmu.ShadowMmu.PackState(Span{byte}, ReadOnlySpan{int})"/>
/// over the explored slots. It holds exactly what <see cref="StateHash.Of(EnginePair)"/> covers,
/// so two pairs have equal vectors exactly when they are the same state. The search keeps its
/// frontier as these vectors and restores one into a scratch pair to extend it: no engine is
/// cloned per state.
/// </summary>
internal static class StateVector
{
    /// <summary>The most bytes a vector of <paramref name="pair"/>'s shape can take over <paramref name="slots"/>.</summary>
    public static int Bound(EnginePair pair, ReadOnlySpan<int> slots) =>
        1 + pair.First.PackedSizeBound(slots.Length) + pair.Second.PackedSizeBound(slots.Length);

    /// <summary>Writes the pair's state into <paramref name="into"/>; returns the bytes written.</summary>
    public static int Pack(EnginePair pair, ReadOnlySpan<int> slots, Span<byte> into) => Pack(pair, slots, into, out _);

    /// <summary>
    /// The same; <paramref name="alike"/> tells whether both engines packed to the same bytes: then
    /// they hold the same state (flags, counts, bitmaps, sptes, parent ptes, <c>stat.unsync</c>),
    /// and comparing them finds nothing.
    /// </summary>
    public static int Pack(EnginePair pair, ReadOnlySpan<int> slots, Span<byte> into, out bool alike) => Pack(pair, slots, into, default, out alike, out _);

    /// <summary>
    /// The same, re-encoding only the pages whose sptes or parent ptes changed since
    /// <paramref name="previous"/>: the vector this pair was last packed into or unpacked from,
    /// or empty when that is not known (<see cref="MmuDsl.Mmu.ShadowMmu.PackState(Span{byte}, ReadOnlySpan{int}, ReadOnlySpan{byte}, out int)"/>).
    /// <paramref name="first"/> is the bytes of the first engine's state, which starts at byte 1.
    /// </summary>
    public static int Pack(EnginePair pair, ReadOnlySpan<int> slots, Span<byte> into, ReadOnlySpan<byte> previous, out bool alike, out int first)
    {
        into[0] = (byte)((pair.Interrupted ? 1 : 0) | (pair.Yielded ? 2 : 0));
        bool known = !previous.IsEmpty;
        first = pair.First.PackState(into[1..], slots, known ? previous[1..] : default, out int was);
        int second = pair.Second.PackState(into[(1 + first)..], slots, known ? previous[(1 + was)..] : default, out _);
        alike = first == second && into.Slice(1, first).SequenceEqual(into.Slice(1 + first, second));
        return 1 + first + second;
    }

    /// <summary>
    /// Makes <paramref name="pair"/> (built from the vector's shape) hold the state of
    /// <paramref name="vector"/>, with no divergence or failure recorded and its counters zeroed
    /// but <c>stat.unsync</c>. <paramref name="held"/> is the vector of the state the pair holds
    /// now, or empty when that is not known: pages the same in both are not restored.
    /// </summary>
    public static void Unpack(ReadOnlySpan<byte> vector, ReadOnlySpan<int> slots, EnginePair pair, ReadOnlySpan<byte> held = default)
    {
        pair.Restore(interrupted: (vector[0] & 1) != 0, yielded: (vector[0] & 2) != 0);
        int at = 1;
        at += pair.First.UnpackState(vector[at..], slots, held.IsEmpty ? held : held[1..], out int was);
        pair.Second.UnpackState(vector[at..], slots, held.IsEmpty ? held : held[(1 + was)..], out _);
    }

    /// <summary>
    /// The class <see cref="Explorer.Classify"/> gives the pair (null: nothing to report), read
    /// off its <paramref name="vector"/> (the first engine's <paramref name="first"/> bytes from
    /// byte 1, then the second's) for a pair that packed (no failure, no structural divergence)
    /// and whose engines did not pack alike. The vector holds every field the comparison reads,
    /// exactly: each page's unsync and zapped flags, sync count, <c>unsync_children</c>, bitmap
    /// (no bit outside the slots) and the child at each slot, and <c>stat.unsync</c>; so the class
    /// is the same, without touching a page. <paramref name="sptes"/>: per page, its child bytes
    /// (the slot count above level 1, else 0).
    /// </summary>
    public static FindingClass? Classify(EnginePair pair, ReadOnlySpan<byte> vector, int first, ReadOnlySpan<int> sptes)
    {
        var a = vector.Slice(1, first);
        var b = vector[(1 + first)..];
        int count = sptes.Length;
        Span<int> atA = stackalloc int[count];
        Span<int> atB = stackalloc int[count];
        bool semantic = a[0] != b[0];
        bool metadata = false;
        int i = 1;
        int j = 1;
        for (int p = 0; p < count; p++)
        {
            atA[p] = i;
            atB[p] = j;

            // unsync and zapped (not fail-next-sync), and the sync count.
            semantic |= ((a[i] ^ b[j]) & 3) != 0 || a[i + 1] != b[j + 1];
            metadata |= a[i + 2] != b[j + 2] || a[i + 3] != b[j + 3];
            i += 4 + sptes[p];
            i += 1 + a[i];
            j += 4 + sptes[p];
            j += 1 + b[j];
        }

        if (semantic)
        {
            return Explorer.DivergenceClass(pair);
        }

        if (!metadata)
        {
            return null;
        }

        // A count that is not its bitmap's population, or a bit one side lacks over a child that is
        // unsync or has unsync children on that side: a missing bit (Explorer.MissingBit).
        for (int p = 0; p < count; p++)
        {
            int x = atA[p];
            int y = atB[p];
            int bitsA = a[x + 3];
            int bitsB = b[y + 3];
            if ((sbyte)a[x + 2] != BitOperations.PopCount((uint)bitsA) || (sbyte)b[y + 2] != BitOperations.PopCount((uint)bitsB))
            {
                return FindingClass.MetadataNotAllowed;
            }

            for (int diff = bitsA ^ bitsB; diff != 0; diff &= diff - 1)
            {
                int slot = BitOperations.TrailingZeroCount(diff);
                bool lackingIsB = (bitsA & (1 << slot)) != 0;
                var lacking = lackingIsB ? b : a;
                var at = lackingIsB ? atB : atA;
                int child = sptes[p] == 0 ? 0 : lacking[at[p] + 4 + slot];
                if (child != 0 && ((lacking[at[child - 1]] & 1) != 0 || (sbyte)lacking[at[child - 1] + 2] > 0))
                {
                    return FindingClass.MetadataNotAllowed;
                }
            }
        }

        return FindingClass.MetadataAllowed;
    }
}
