using System.Runtime.Intrinsics.X86;

namespace MmuDsl.Explore;

/// <summary>
/// The states one shape's search has reached, each with the capacities it was reached under: an
/// open-addressing table of 128-bit <see cref="StateHash"/>es of <see cref="StateVector"/>s.
/// <para>
/// By default the hash alone stands for the state (SPIN's hash-compact mode): 24 bytes a slot,
/// and two distinct states of one search that collide are taken for one, which would hide the
/// second. For a search of n states the chance that any two collide is about n²/2¹²⁹, assuming
/// the hash spreads states like a random function: 1.5 × 10⁻²¹ for a billion states.
/// With <see cref="ExploreOptions.ExactStates"/> the table also keeps every vector and compares
/// it on a hash match, so the search is exact whatever the hash does (the tests shorten the hash
/// to a few bits, <see cref="ExploreOptions.StateHashBits"/>, to show it).
/// </para>
/// </summary>
internal sealed class VisitedStates : IDisposable
{
    private const int FirstSize = 64;
    private readonly MemoryBudget _budget;
    private readonly Func<string> _where;
    private readonly ulong _loMask;
    private readonly ulong _hiMask;
    private readonly ByteArena? _vectors;
    private Slot[] _slots = [];
    private long[] _at = [];
    private ushort[] _length = [];
    private long _tableBytes;

    public VisitedStates(MemoryBudget budget, Func<string> where, bool exact, int hashBits)
    {
        _budget = budget;
        _where = where;
        _loMask = hashBits >= 64 ? ulong.MaxValue : (1UL << hashBits) - 1;
        _hiMask = hashBits >= 128 ? ulong.MaxValue : hashBits <= 64 ? 0 : (1UL << (hashBits - 64)) - 1;
        _vectors = exact ? new ByteArena(budget, where) : null;
        Resize(FirstSize);
    }

    /// <summary>Distinct states held.</summary>
    public int Count { get; private set; }

    /// <summary>Bytes of the table and of the vectors kept (taken from the budget).</summary>
    public long Bytes => _tableBytes + (_vectors?.Bytes ?? 0);

    /// <summary>
    /// The capacities of <paramref name="capacities"/> under which the state of
    /// <paramref name="vector"/> was not reached before; records them.
    /// </summary>
    public int Unseen(ReadOnlySpan<byte> vector, int capacities)
    {
        var (lo, hi) = StateHash.Of(vector);
        return Unseen(vector, lo, hi, capacities);
    }

    /// <summary>
    /// Starts loading the slot where the state of hash (<paramref name="lo"/>, ...) is looked for:
    /// the table is far larger than the caches, so the lookup waits for memory; the search asks
    /// for the slot as soon as it has hashed a state, and checks the transition meanwhile.
    /// </summary>
    public unsafe void Prefetch(ulong lo)
    {
        lo &= _loMask;
        int i = (int)(lo ^ (lo >> 29) ^ (lo >> 47)) & (_slots.Length - 1);
        if (Sse.IsSupported)
        {
            fixed (Slot* slot = &_slots[i])
            {
                Sse.Prefetch0(slot);
            }
        }
    }

    /// <summary>The same, given the vector's <see cref="StateHash"/> (<paramref name="lo"/>, <paramref name="hi"/>).</summary>
    public int Unseen(ReadOnlySpan<byte> vector, ulong lo, ulong hi, int capacities)
    {
        lo &= _loMask;
        hi &= _hiMask;
        int mask = _slots.Length - 1;
        int i = (int)(lo ^ (lo >> 29) ^ (lo >> 47)) & mask;
        while (_slots[i].Seen != 0)
        {
            ref var slot = ref _slots[i];
            if (slot.Lo == lo && slot.Hi == hi && (_vectors == null || vector.SequenceEqual(_vectors.At(_at[i], _length[i]))))
            {
                int fresh = capacities & ~slot.Seen;
                slot.Seen |= capacities;
                return fresh;
            }

            i = (i + 1) & mask;
        }

        _slots[i] = new Slot { Lo = lo, Hi = hi, Seen = capacities };
        if (_vectors != null)
        {
            vector.CopyTo(_vectors.Append(vector.Length, out _at[i]));
            _length[i] = checked((ushort)vector.Length);
        }

        if (++Count * 4 >= _slots.Length * 3)
        {
            Resize(_slots.Length * 2);
        }

        return capacities;
    }

    public void Dispose()
    {
        _budget.Give(_tableBytes);
        _tableBytes = 0;
        _vectors?.Dispose();
    }

    private void Resize(int size)
    {
        long bytes = (long)size * (_vectors == null ? 24 : 34);
        _budget.Take(bytes, _where);
        var (old, at, length) = (_slots, _at, _length);
        _slots = new Slot[size];
        if (_vectors != null)
        {
            _at = new long[size];
            _length = new ushort[size];
        }

        int mask = size - 1;
        for (int n = 0; n < old.Length; n++)
        {
            if (old[n].Seen == 0)
            {
                continue;
            }

            ulong lo = old[n].Lo;
            int i = (int)(lo ^ (lo >> 29) ^ (lo >> 47)) & mask;
            while (_slots[i].Seen != 0)
            {
                i = (i + 1) & mask;
            }

            _slots[i] = old[n];
            if (_vectors != null)
            {
                (_at[i], _length[i]) = (at[n], length[n]);
            }
        }

        _budget.Give(_tableBytes);
        _tableBytes = bytes;
    }

    // One slot of the table: the hash and the capacities (0: the slot is free), 24 bytes.
    private struct Slot
    {
        public ulong Lo;
        public ulong Hi;
        public int Seen;
    }
}
