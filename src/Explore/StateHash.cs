using System.Buffers.Binary;
using System.Numerics;
using MmuDsl.Mmu;

namespace MmuDsl.Explore;

/// <summary>
/// A 128-bit hash of the combined state of an engine pair (every page's flags, counts, bitmap,
/// sptes and parent ptes in order, since marking climbs them in that order; stat.unsync; the
/// interrupted and yielded flags), for deduplicating states. Two 64-bit lanes with different
/// multipliers make a collision between distinct states of one shape vanishingly unlikely.
/// The search hashes the same state in its packed form (<see cref="Of(ReadOnlySpan{byte})"/>);
/// the naive replay searches of the tests and the benchmark hash the pair itself.
/// </summary>
internal static class StateHash
{
    /// <summary>
    /// A 128-bit hash of a <see cref="StateVector"/>: two 64-bit lanes over its 8-byte words
    /// (multiply, rotate, multiply, as MurmurHash3's x64 128-bit variant), each finished with its
    /// avalanche and mixed into the other, so that every input bit reaches every output bit.
    /// </summary>
    public static (ulong, ulong) Of(ReadOnlySpan<byte> vector)
    {
        const ulong C1 = 0x87C37B91114253D5UL;
        const ulong C2 = 0x4CF5AD432745937FUL;
        ulong h1 = 0x9E3779B97F4A7C15UL ^ (ulong)vector.Length;
        ulong h2 = 0xC2B2AE3D27D4EB4FUL ^ ((ulong)vector.Length << 32);
        int i = 0;
        for (; i + 16 <= vector.Length; i += 16)
        {
            ulong k1 = BinaryPrimitives.ReadUInt64LittleEndian(vector[i..]);
            ulong k2 = BinaryPrimitives.ReadUInt64LittleEndian(vector[(i + 8)..]);
            h1 ^= BitOperations.RotateLeft(k1 * C1, 31) * C2;
            h1 = (BitOperations.RotateLeft(h1, 27) + h2) * 5 + 0x52DCE729;
            h2 ^= BitOperations.RotateLeft(k2 * C2, 33) * C1;
            h2 = (BitOperations.RotateLeft(h2, 31) + h1) * 5 + 0x38495AB5;
        }

        ulong t1 = 0;
        ulong t2 = 0;
        for (int k = 0; i + k < vector.Length; k++)
        {
            ulong b = vector[i + k];
            if (k < 8)
            {
                t1 |= b << (8 * k);
            }
            else
            {
                t2 |= b << (8 * (k - 8));
            }
        }

        h1 ^= BitOperations.RotateLeft(t1 * C1, 31) * C2;
        h2 ^= BitOperations.RotateLeft(t2 * C2, 33) * C1;
        h1 += h2;
        h2 += h1;
        h1 = Avalanche(h1);
        h2 = Avalanche(h2);
        h1 += h2;
        h2 += h1;
        return (h1, h2);
    }

    private static ulong Avalanche(ulong k)
    {
        k ^= k >> 33;
        k *= 0xFF51AFD7ED558CCDUL;
        k ^= k >> 33;
        k *= 0xC4CEB9FE1A85EC53UL;
        k ^= k >> 33;
        return k;
    }

    public static (ulong, ulong) Of(EnginePair pair)
    {
        ulong h1 = 0x9E3779B97F4A7C15UL;
        ulong h2 = 0xC2B2AE3D27D4EB4FUL;
        Mix(ref h1, ref h2, (pair.Interrupted ? 1UL : 0UL) | (pair.Yielded ? 2UL : 0UL));
        Add(pair.First, ref h1, ref h2);
        Add(pair.Second, ref h1, ref h2);
        return (h1, h2);
    }

    private static void Add(ShadowMmu mmu, ref ulong h1, ref ulong h2)
    {
        Mix(ref h1, ref h2, (ulong)mmu.Stats.Unsync);
        var pages = mmu.Pages;
        for (int n = 0; n < pages.Count; n++)
        {
            var p = pages[n];
            ulong flags = (p.Unsync ? 1UL : 0) | (p.Zapped ? 2UL : 0) | (p.FailNextSync ? 4UL : 0);
            Mix(ref h1, ref h2, flags | ((ulong)(uint)p.Syncs << 8) | ((ulong)(uint)p.UnsyncChildren << 32));
            // Only the nonzero words, each after its position (explored slots are all in word 0
            // unless --slots says otherwise).
            var bitmap = p.UnsyncChildBitmap;
            for (int w = 0; w < Bitmap512.Size / 64; w++)
            {
                ulong word = bitmap.Word(w);
                if (word != 0)
                {
                    Mix(ref h1, ref h2, 0x4000_0000_0000_0000UL | (uint)w);
                    Mix(ref h1, ref h2, word);
                }
            }

            for (int i = p.NextPresentIndex(0); i >= 0; i = p.NextPresentIndex(i + 1))
            {
                var spte = p.SpteAt(i);
                Mix(ref h1, ref h2, ((ulong)i << 40) | ((ulong)spte.Kind << 32) | (uint)(spte.Child?.Id ?? -1));
            }

            for (int k = 0, parents = p.ParentCount; k < parents; k++)
            {
                var pte = p.ParentPteAt(k);
                Mix(ref h1, ref h2, 0x8000_0000_0000_0000UL | ((ulong)(uint)pte.Parent.Id << 16) | (uint)pte.Index);
            }

            Mix(ref h1, ref h2, 0xFFFF_FFFF_FFFF_FFFFUL);
        }
    }

    private static void Mix(ref ulong h1, ref ulong h2, ulong v)
    {
        h1 = (h1 ^ v) * 0x100000001B3UL;
        h1 ^= h1 >> 29;
        h2 = (h2 + v) * 0xBF58476D1CE4E5B9UL;
        h2 ^= h2 >> 31;
    }
}
