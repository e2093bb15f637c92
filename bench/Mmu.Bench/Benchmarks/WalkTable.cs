using System.Globalization;
using MmuDsl.Mmu.Algorithms;

namespace MmuDsl.Mmu.Bench.Benchmarks;

/// <summary>
/// The engine benchmark's page table, built exactly as walk.c's main() builds it, so that the
/// walks and visits of the two must match: a level-4 root; 8*k level-3 pages at root indexes
/// 0..8k-1; 64 level-2 pages under each; 64 level-1 pages under each of those; each page is
/// linked as soon as it is made (parent first), and every 4th level-1 page in creation order
/// (cnt % 4 == 0) is unsynced right after it is linked.
/// </summary>
internal sealed class WalkTable
{
    private WalkTable(ShadowMmu mmu, ShadowPage root, int pages, int unsynced)
    {
        Mmu = mmu;
        Root = root;
        Pages = pages;
        Unsynced = unsynced;
    }

    public ShadowMmu Mmu { get; }

    public ShadowPage Root { get; }

    /// <summary>Pages made: 1 + 8k + 8k*64 + 8k*64*64.</summary>
    public int Pages { get; }

    /// <summary>Level-1 pages made unsync: a quarter of them.</summary>
    public int Unsynced { get; }

    /// <summary>walk.c's page count for <paramref name="k"/>.</summary>
    public static int PageCount(int k) => 1 + (8 * k) + (8 * k * 64) + (8 * k * 64 * 64);

    /// <summary>Builds the table; <paramref name="checkSyncPostconditions"/> as the engine option
    /// (off for timing the walk alone, on to match what the interpreter runs).</summary>
    public static WalkTable Build(UnsyncWalkAlgorithm algorithm, int k, bool checkSyncPostconditions = false)
    {
        // The engine needs a unique name per page; walk.c's pages have none. Short names keep
        // that cost (a string and a dictionary entry per page) as small as the API allows.
        var mmu = new ShadowMmu(algorithm) { CheckSyncPostconditions = checkSyncPostconditions };
        int id = 0;
        var root = mmu.CreateRoot(NameOf(id++), 4);
        int n3 = 8 * k;
        int cnt = 0;
        int unsynced = 0;
        for (int a = 0; a < n3; a++)
        {
            var p3 = mmu.CreatePage(NameOf(id++), 3);
            mmu.Link(root, a, p3);
            for (int b = 0; b < 64; b++)
            {
                var p2 = mmu.CreatePage(NameOf(id++), 2);
                mmu.Link(p3, b, p2);
                for (int c = 0; c < 64; c++)
                {
                    var p1 = mmu.CreatePage(NameOf(id++), 1);
                    mmu.Link(p2, c, p1);
                    if (cnt++ % 4 == 0)
                    {
                        mmu.Unsync(p1);
                        unsynced++;
                    }
                }
            }
        }

        return new WalkTable(mmu, root, id, unsynced);
    }

    // Formats straight into the final string: no temporary digits string in the allocated bytes.
    private static string NameOf(int id) => string.Create(CultureInfo.InvariantCulture, $"p{id}");
}
