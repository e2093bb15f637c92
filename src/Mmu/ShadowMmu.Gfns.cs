using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MmuDsl.Mmu;

/// <summary>
/// The pages made for each gfn, in creation order: unsync and write tracking act per gfn (a
/// level-1 page may share its gfn with pages of other roles, and with an upper page that
/// write-tracks it). Most gfns have one page, so nothing is allocated per page: the dictionary
/// keeps each gfn's first and last page id, and the pages of one gfn chain through a dense array
/// by id. (A list per gfn cost about 100 bytes per page and spread the pages of a large table
/// over more memory: docs/performance.md.)
/// </summary>
public sealed partial class ShadowMmu
{
    private const int EndOfGfnChain = -1;

    // gfn -> (the first, the last) page id made for it.
    private readonly Dictionary<long, (int First, int Last)> _gfnChains = [];

    // Entry n: the id of the next page made for page n's gfn, or EndOfGfnChain.
    private int[] _nextOfGfn = new int[16];

    /// <summary>True when some page (zapped or not) was made for <paramref name="gfn"/>.</summary>
    private bool HasPagesOfGfn(long gfn) => _gfnChains.ContainsKey(gfn);

    /// <summary>Appends page <paramref name="id"/> (the newest) to the pages of <paramref name="gfn"/>.</summary>
    private void AddToGfnChain(long gfn, int id)
    {
        if (id >= _nextOfGfn.Length)
        {
            Array.Resize(ref _nextOfGfn, Math.Max(_nextOfGfn.Length * 2, id + 1));
        }

        _nextOfGfn[id] = EndOfGfnChain;
        ref var chain = ref CollectionsMarshal.GetValueRefOrAddDefault(_gfnChains, gfn, out bool exists);
        if (exists)
        {
            _nextOfGfn[chain.Last] = id;
            chain.Last = id;
        }
        else
        {
            chain = (id, id);
        }
    }

    /// <summary>The ids of the pages made for <paramref name="gfn"/>, in creation order; use in a <c>foreach</c>.</summary>
    private PagesOfGfn PageIdsOfGfn(long gfn) =>
        new(_nextOfGfn, _gfnChains.TryGetValue(gfn, out var chain) ? chain.First : EndOfGfnChain);

    /// <summary>An enumerator over one gfn's chain of page ids.</summary>
    private struct PagesOfGfn(int[] next, int first)
    {
        private int _current = EndOfGfnChain;
        private int _next = first;

        public readonly int Current => _current;

        public readonly PagesOfGfn GetEnumerator() => this;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool MoveNext()
        {
            if (_next == EndOfGfnChain)
            {
                return false;
            }

            _current = _next;
            _next = next[_current];
            return true;
        }
    }
}
