using System.Buffers.Binary;

namespace MmuDsl.Explore;

/// <summary>
/// The states of one depth that the search will extend, as records in a <see cref="ByteArena"/>:
/// the state's <see cref="StateVector"/>, the capacities it stands for, the visits of each
/// algorithm over the sequence that reached it first (for the work ratio), and that sequence
/// (<see cref="OperationBytes"/>, read only when a finding or the ratio needs it).
/// </summary>
internal sealed class Frontier : IDisposable
{
    // vector length, sequence length (2 bytes each), capacities, visits of each algorithm (4 each).
    private const int Header = 16;
    private readonly ByteArena _arena;

    public Frontier(MemoryBudget budget, Func<string> where)
    {
        _arena = new ByteArena(budget, where);
    }

    /// <summary>States held.</summary>
    public int Count { get; private set; }

    /// <summary>Bytes of the arena (taken from the budget).</summary>
    public long Bytes => _arena.Bytes;

    /// <summary>Bytes of the records held.</summary>
    public long Used => _arena.Used;

    /// <summary>Adds a state reached by <paramref name="sequence"/> then <paramref name="last"/>.</summary>
    public void Add(ReadOnlySpan<byte> vector, int capacities, long visitsA, long visitsB, ReadOnlySpan<byte> sequence, Operation last)
    {
        int opsLength = sequence.Length + OperationBytes.SizeOf(last);
        var record = _arena.Append(Header + vector.Length + opsLength, out _);
        BinaryPrimitives.WriteUInt16LittleEndian(record, checked((ushort)vector.Length));
        BinaryPrimitives.WriteUInt16LittleEndian(record[2..], checked((ushort)opsLength));
        BinaryPrimitives.WriteInt32LittleEndian(record[4..], capacities);
        BinaryPrimitives.WriteInt32LittleEndian(record[8..], checked((int)visitsA));
        BinaryPrimitives.WriteInt32LittleEndian(record[12..], checked((int)visitsB));
        vector.CopyTo(record[Header..]);
        sequence.CopyTo(record[(Header + vector.Length)..]);
        OperationBytes.Write(last, record[(Header + vector.Length + sequence.Length)..]);
        Count++;
    }

    /// <summary>Reads the state after <paramref name="cursor"/> into <paramref name="entry"/>; false after the last.</summary>
    public bool Next(ref Cursor cursor, out Entry entry)
    {
        while (cursor.Chunk < _arena.ChunkCount)
        {
            var chunk = _arena.Chunk(cursor.Chunk);
            if (cursor.Offset < chunk.Length)
            {
                var record = chunk[cursor.Offset..];
                int vectorLength = BinaryPrimitives.ReadUInt16LittleEndian(record);
                int opsLength = BinaryPrimitives.ReadUInt16LittleEndian(record[2..]);
                entry = new Entry(
                    record.Slice(Header, vectorLength),
                    BinaryPrimitives.ReadInt32LittleEndian(record[4..]),
                    BinaryPrimitives.ReadInt32LittleEndian(record[8..]),
                    BinaryPrimitives.ReadInt32LittleEndian(record[12..]),
                    record.Slice(Header + vectorLength, opsLength));
                cursor.Offset += Header + vectorLength + opsLength;
                return true;
            }

            cursor.Chunk++;
            cursor.Offset = 0;
        }

        entry = default;
        return false;
    }

    /// <summary>Forgets every state, keeping the memory for the next depth's.</summary>
    public void Rewind()
    {
        _arena.Rewind();
        Count = 0;
    }

    public void Dispose() => _arena.Dispose();

    /// <summary>Where <see cref="Next"/> is in the frontier.</summary>
    public struct Cursor
    {
        public int Chunk;
        public int Offset;
    }

    /// <summary>One state of the frontier; its spans point into the frontier's memory until it is rewound.</summary>
    public readonly ref struct Entry(ReadOnlySpan<byte> vector, int capacities, int visitsA, int visitsB, ReadOnlySpan<byte> sequence)
    {
        public ReadOnlySpan<byte> Vector { get; } = vector;

        public int Capacities { get; } = capacities;

        public int VisitsA { get; } = visitsA;

        public int VisitsB { get; } = visitsB;

        public ReadOnlySpan<byte> Sequence { get; } = sequence;
    }
}
