using System.Collections.Immutable;

namespace MmuDsl.Explore;

/// <summary>
/// Operation sequences as bytes, for the search's frontier (<see cref="Frontier"/>): each
/// operation is its kind, page, slot (two bytes) and child, and a yielding sync is followed by the
/// operation run at its yield point. Pages and children are shape indexes (below 256).
/// </summary>
internal static class OperationBytes
{
    /// <summary>Bytes one operation takes.</summary>
    public static int SizeOf(Operation op) => op.Kind == OperationKind.SyncYield ? 10 : 5;

    /// <summary>Writes <paramref name="op"/> at the start of <paramref name="into"/>; returns the bytes written.</summary>
    public static int Write(Operation op, Span<byte> into)
    {
        WriteOne(op, into);
        if (op.Kind != OperationKind.SyncYield)
        {
            return 5;
        }

        WriteOne(op.Inner, into[5..]);
        return 10;
    }

    /// <summary>The sequence <paramref name="bytes"/> holds.</summary>
    public static ImmutableArray<Operation> Read(ReadOnlySpan<byte> bytes)
    {
        var ops = ImmutableArray.CreateBuilder<Operation>();
        int at = 0;
        while (at < bytes.Length)
        {
            var op = ReadOne(bytes[at..]);
            at += 5;
            if (op.Kind == OperationKind.SyncYield)
            {
                op = Operation.Yielding(op.Page, ReadOne(bytes[at..]));
                at += 5;
            }

            ops.Add(op);
        }

        return ops.ToImmutable();
    }

    private static void WriteOne(Operation op, Span<byte> into)
    {
        into[0] = (byte)op.Kind;
        into[1] = checked((byte)op.Page);
        into[2] = (byte)op.Slot;
        into[3] = checked((byte)(op.Slot >> 8));
        into[4] = checked((byte)op.Child);
    }

    private static Operation ReadOne(ReadOnlySpan<byte> from) =>
        new((OperationKind)from[0], from[1], from[2] | (from[3] << 8), from[4]);
}
