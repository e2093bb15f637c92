using System.Runtime.CompilerServices;

namespace MmuDsl.Mmu.Algorithms;

/// <summary>
/// <c>for_each_set_bit(i, sp->unsync_child_bitmap, 512)</c>: the set bits of a page's live
/// bitmap in ascending order, each read when the loop reaches it, so a bit cleared or set ahead
/// of the loop during the walk is seen as the kernel sees it. Every bit yielded is one visit
/// (<c>stat.visits</c>), counted and traced by the engine. Made by <see cref="Kvm.ForEachSetBit"/>;
/// use it in a <c>foreach</c>.
/// </summary>
public ref struct UnsyncChildBitIterator
{
    private readonly ShadowMmu _mmu;
    private readonly ShadowPage _page;
    private readonly List<WalkVisit>? _log;
    private int _current;

    internal UnsyncChildBitIterator(ShadowMmu mmu, ShadowPage page)
    {
        _mmu = mmu;
        _page = page;
        _log = mmu.WalkVisitLog;
        _current = -1;
    }

    /// <summary>The bit the loop is at.</summary>
    public readonly int Current => _current;

    /// <summary>The iterator itself, so that <c>foreach</c> takes it.</summary>
    public readonly UnsyncChildBitIterator GetEnumerator() => this;

    /// <summary>Moves to the next set bit above the current one; counts it as a visit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MoveNext()
    {
        int next = _page.UnsyncChildBitmapBits.NextSetBit(_current + 1);
        if (next < 0)
        {
            _current = Bitmap512.Size;
            return false;
        }

        _current = next;
        _mmu.NoteVisit();
        _log?.Add(new WalkVisit(_page, next));
        return true;
    }
}
