using System.Numerics;
using System.Runtime.CompilerServices;

namespace MmuDsl.Mmu;

/// <summary>
/// 512 bits as eight <see cref="ulong"/> words, the shape of the kernel's
/// <c>unsync_child_bitmap</c> (one bit per spte of a shadow page). Iteration is in ascending
/// index order, like <c>for_each_set_bit</c>. A value type: copying it copies the bits. Only the
/// engine changes bits (the mutators are internal): a page's bitmap read from outside is a copy,
/// and setting a bit of the copy would change nothing a reader could see.
/// </summary>
[InlineArray(WordCount)]
public struct Bitmap512 : IEquatable<Bitmap512>
{
    /// <summary>Bits in the map: one per spte (<c>SPTE_ENT_PER_PAGE</c>).</summary>
    public const int Size = 512;

    private const int WordCount = 8;

    private ulong _word;

    /// <summary>True when bit <paramref name="index"/> is set.</summary>
    public readonly bool IsSet(int index) => (this[index >> 6] & (1UL << (index & 63))) != 0;

    /// <summary>Sets bit <paramref name="index"/>; returns whether it was already set.</summary>
    internal bool TestAndSet(int index)
    {
        ref ulong word = ref this[index >> 6];
        ulong mask = 1UL << (index & 63);
        bool was = (word & mask) != 0;
        word |= mask;
        return was;
    }

    /// <summary>Sets bit <paramref name="index"/>.</summary>
    internal void Set(int index) => this[index >> 6] |= 1UL << (index & 63);

    /// <summary>Clears bit <paramref name="index"/>.</summary>
    internal void Clear(int index) => this[index >> 6] &= ~(1UL << (index & 63));

    /// <summary>Clears every bit.</summary>
    internal void ClearAll()
    {
        for (int w = 0; w < WordCount; w++)
        {
            this[w] = 0;
        }
    }

    /// <summary>Number of set bits.</summary>
    public readonly int PopCount()
    {
        int n = 0;
        for (int w = 0; w < WordCount; w++)
        {
            n += BitOperations.PopCount(this[w]);
        }

        return n;
    }

    /// <summary>True when no bit is set.</summary>
    public readonly bool IsEmpty
    {
        get
        {
            for (int w = 0; w < WordCount; w++)
            {
                if (this[w] != 0)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>Number of set bits strictly below <paramref name="index"/> (a rank query).</summary>
    public readonly int CountBelow(int index)
    {
        int w = index >> 6;
        int n = 0;
        for (int i = 0; i < w; i++)
        {
            n += BitOperations.PopCount(this[i]);
        }

        int bit = index & 63;
        if (bit != 0)
        {
            n += BitOperations.PopCount(this[w] & ((1UL << bit) - 1));
        }

        return n;
    }

    /// <summary>
    /// The smallest set bit at or above <paramref name="from"/>, or -1. Reads the live bits, so a
    /// loop of <c>i = NextSetBit(i + 1)</c> behaves like the kernel's <c>find_next_bit</c>.
    /// </summary>
    public readonly int NextSetBit(int from)
    {
        if (from >= Size)
        {
            return -1;
        }

        int w = from >> 6;
        ulong word = this[w] & (ulong.MaxValue << (from & 63));
        while (true)
        {
            if (word != 0)
            {
                return (w << 6) + BitOperations.TrailingZeroCount(word);
            }

            if (++w == WordCount)
            {
                return -1;
            }

            word = this[w];
        }
    }

    /// <summary>The set bits, ascending.</summary>
    public readonly IEnumerable<int> SetBits()
    {
        var copy = this;
        var list = new List<int>();
        for (int i = copy.NextSetBit(0); i >= 0; i = copy.NextSetBit(i + 1))
        {
            list.Add(i);
        }

        return list;
    }

    /// <summary>Word <paramref name="w"/> (0..7) of the map, for hashing and tests.</summary>
    public readonly ulong Word(int w) => this[w];

    /// <inheritdoc/>
    public readonly bool Equals(Bitmap512 other)
    {
        for (int w = 0; w < WordCount; w++)
        {
            if (this[w] != other[w])
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override readonly bool Equals(object? obj) => obj is Bitmap512 other && Equals(other);

    /// <inheritdoc/>
    public override readonly int GetHashCode()
    {
        var h = new HashCode();
        for (int w = 0; w < WordCount; w++)
        {
            h.Add(this[w]);
        }

        return h.ToHashCode();
    }

    /// <summary>The set, as the language prints it: <c>{0,7}</c>.</summary>
    public override readonly string ToString() => "{" + string.Join(",", SetBits()) + "}";

    /// <summary>Equality of two maps.</summary>
    public static bool operator ==(Bitmap512 left, Bitmap512 right) => left.Equals(right);

    /// <summary>Inequality of two maps.</summary>
    public static bool operator !=(Bitmap512 left, Bitmap512 right) => !left.Equals(right);
}
