namespace MmuDsl.Explore;

/// <summary>
/// Records of bytes appended in chunks (4 KiB doubling to 1 MiB, so that the many small searches
/// stay small), read back in order or by position; memory taken from a <see cref="MemoryBudget"/>
/// as chunks are made, kept by <see cref="Rewind"/> for the next records, given back by
/// <see cref="Dispose"/>. The search's frontiers and its exact visited set live in these.
/// </summary>
internal sealed class ByteArena : IDisposable
{
    private const int FirstChunk = 4096;
    private const int LargestChunk = 1 << 20;
    private readonly List<byte[]> _chunks = [];
    private readonly List<int> _ends = [];
    private readonly MemoryBudget _budget;
    private readonly Func<string> _where;
    private int _current = -1;

    public ByteArena(MemoryBudget budget, Func<string> where)
    {
        _budget = budget;
        _where = where;
    }

    /// <summary>Bytes of the chunks made (taken from the budget).</summary>
    public long Bytes { get; private set; }

    /// <summary>Bytes of the records appended since the last <see cref="Rewind"/>.</summary>
    public long Used { get; private set; }

    /// <summary>Room for a record of <paramref name="length"/> bytes at the end; <paramref name="position"/> finds it again (<see cref="At"/>).</summary>
    public Span<byte> Append(int length, out long position)
    {
        if (_current < 0 || _ends[_current] + length > _chunks[_current].Length)
        {
            NextChunk(length);
        }

        int start = _ends[_current];
        _ends[_current] = start + length;
        Used += length;
        position = ((long)_current << 32) | (uint)start;
        return _chunks[_current].AsSpan(start, length);
    }

    /// <summary>The <paramref name="length"/> bytes at <paramref name="position"/>.</summary>
    public ReadOnlySpan<byte> At(long position, int length) => _chunks[(int)(position >> 32)].AsSpan((int)(uint)position, length);

    /// <summary>Number of chunks holding records.</summary>
    public int ChunkCount => _current + 1;

    /// <summary>The records of chunk <paramref name="chunk"/>, back to back.</summary>
    public ReadOnlySpan<byte> Chunk(int chunk) => _chunks[chunk].AsSpan(0, _ends[chunk]);

    /// <summary>Forgets every record, keeping the chunks for the next ones.</summary>
    public void Rewind()
    {
        for (int i = 0; i <= _current; i++)
        {
            _ends[i] = 0;
        }

        _current = -1;
        Used = 0;
    }

    public void Dispose()
    {
        _budget.Give(Bytes);
        Bytes = 0;
        _chunks.Clear();
        _ends.Clear();
        _current = -1;
    }

    private void NextChunk(int length)
    {
        _current++;
        while (_current < _chunks.Count && _chunks[_current].Length < length)
        {
            _current++;
        }

        if (_current < _chunks.Count)
        {
            return;
        }

        int size = Math.Max(length, _chunks.Count == 0 ? FirstChunk : Math.Min(LargestChunk, _chunks[^1].Length * 2));
        _budget.Take(size, _where);
        Bytes += size;
        _chunks.Add(new byte[size]);
        _ends.Add(0);
        _current = _chunks.Count - 1;
    }
}
