using MmuDsl.Mmu.Algorithms;

namespace MmuDsl.Mmu.Tests;

/// <summary>Small page tables the tests share.</summary>
internal static class TestTables
{
    public static IEnumerable<object[]> BothAlgorithms() => WalkAlgorithms.Default.Select(a => new object[] { a.Name });

    /// <summary>Every real built-in: legacy, recursive, eager.</summary>
    public static IEnumerable<object[]> AllAlgorithms() => WalkAlgorithms.All.Select(a => new object[] { a.Name });

    public static ShadowMmu New(string algorithm) => new(WalkAlgorithms.Find(algorithm)!);

    /// <summary>The other real algorithm.</summary>
    public static string Other(string algorithm) =>
        algorithm == WalkAlgorithms.Legacy.Name ? WalkAlgorithms.Recursive.Name : WalkAlgorithms.Legacy.Name;

    /// <summary>The set bits of a page's unsync-child bitmap, ascending.</summary>
    public static int[] Bits(ShadowPage page) => page.UnsyncChildBitmap.SetBits().ToArray();

    /// <summary>R (L4) [0]-> P3 [1]-> P2 [2]-> L (L1).</summary>
    public static (ShadowMmu Mmu, ShadowPage R, ShadowPage P3, ShadowPage P2, ShadowPage L) Chain(string algorithm)
    {
        var mmu = New(algorithm);
        var r = mmu.CreateRoot("R", 4);
        var p3 = mmu.CreatePage("P3", 3);
        var p2 = mmu.CreatePage("P2", 2);
        var l = mmu.CreatePage("L", 1);
        mmu.Link(r, 0, p3);
        mmu.Link(p3, 1, p2);
        mmu.Link(p2, 2, l);
        return (mmu, r, p3, p2, l);
    }

    /// <summary>R (L2) [i]-> Li (L1) for i in 0..n-1, every Li unsync.</summary>
    public static (ShadowMmu Mmu, ShadowPage R, ShadowPage[] Leaves) Fan(string algorithm, int n)
    {
        var mmu = New(algorithm);
        var r = mmu.CreateRoot("R", 2);
        var leaves = new ShadowPage[n];
        for (int i = 0; i < n; i++)
        {
            leaves[i] = mmu.CreatePage($"L{i}", 1);
            mmu.Link(r, i, leaves[i]);
            mmu.Unsync(leaves[i]);
        }

        return (mmu, r, leaves);
    }

    /// <summary>
    /// R (L3) [i]-> Pi (L2) [0]-> Li (L1) for i in 0..n-1, every Li unsync: each leaf costs two
    /// batch entries (its Pi, then itself), so a batch of 16 holds the root and 7 leaves.
    /// </summary>
    public static (ShadowMmu Mmu, ShadowPage R, ShadowPage[] Mids, ShadowPage[] Leaves) Comb(string algorithm, int n)
    {
        var mmu = New(algorithm);
        var r = mmu.CreateRoot("R", 3);
        var mids = new ShadowPage[n];
        var leaves = new ShadowPage[n];
        for (int i = 0; i < n; i++)
        {
            mids[i] = mmu.CreatePage($"P{i}", 2);
            leaves[i] = mmu.CreatePage($"L{i}", 1);
            mmu.Link(r, i, mids[i]);
            mmu.Link(mids[i], 0, leaves[i]);
            mmu.Unsync(leaves[i]);
        }

        return (mmu, r, mids, leaves);
    }

    /// <summary>A random operation on the pages of <see cref="Diamond"/>; may be one the engine refuses.</summary>
    public static RandomOp RandomOperation(ShadowMmu mmu, Random rng)
    {
        var page = mmu.Pages[rng.Next(mmu.Pages.Count)];
        string[] leaves = ["L1", "L2", "L3"];
        return rng.Next(8) switch
        {
            0 or 1 => new RandomOp(RandomOpKind.Unsync, leaves[rng.Next(3)]),
            2 => new RandomOp(RandomOpKind.FailSync, leaves[rng.Next(3)]),
            3 => new RandomOp(RandomOpKind.Sync, page.Name, InterruptAfter: rng.Next(2)),
            4 => new RandomOp(RandomOpKind.Zap, page.Name),
            5 => new RandomOp(RandomOpKind.Unlink, page.Name, Index: rng.Next(3)),
            6 => new RandomOp(RandomOpKind.ZapUnsyncChildren, page.Name),
            _ => new RandomOp(RandomOpKind.Link, page.Name, Index: rng.Next(3), Child: page.Level == 3 ? "B" : leaves[rng.Next(3)]),
        };
    }

    /// <summary>R1 (L3) [0]-> B, R2 (L3) [0]-> B and [1]-> B2; B [0]-> L1, [1]-> L2; B2 [0]-> L2, [2]-> L3.</summary>
    public static ShadowMmu Diamond(string algorithm)
    {
        var mmu = TestTables.New(algorithm);
        var r1 = mmu.CreateRoot("R1", 3);
        var r2 = mmu.CreateRoot("R2", 3);
        var b = mmu.CreatePage("B", 2);
        var b2 = mmu.CreatePage("B2", 2);
        var l1 = mmu.CreatePage("L1", 1);
        var l2 = mmu.CreatePage("L2", 1);
        var l3 = mmu.CreatePage("L3", 1);
        mmu.Link(r1, 0, b);
        mmu.Link(r2, 0, b);
        mmu.Link(r2, 1, b2);
        mmu.Link(b, 0, l1);
        mmu.Link(b, 1, l2);
        mmu.Link(b2, 0, l2);
        mmu.Link(b2, 2, l3);
        return mmu;
    }
}
