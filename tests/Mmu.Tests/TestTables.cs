using MmuDsl.Mmu.Algorithms;

namespace MmuDsl.Mmu.Tests;

/// <summary>Small page tables the tests share.</summary>
internal static class TestTables
{
    public static IEnumerable<object[]> BothAlgorithms() => WalkAlgorithms.All.Select(a => new object[] { a.Name });

    public static ShadowMmu New(string algorithm) => new(WalkAlgorithms.Find(algorithm, includeMutants: true)!);

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
}
