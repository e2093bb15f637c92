using MmuDsl.Mmu.Invariants;

namespace MmuDsl.Mmu.Tests;

public sealed class MarkingTests
{
    [Theory]
    [MemberData(nameof(TestTables.BothAlgorithms), MemberType = typeof(TestTables))]
    public void Unsync_MarksEveryAncestor_AndCounts(string algorithm)
    {
        var (mmu, r, p3, p2, l) = TestTables.Chain(algorithm);
        mmu.Unsync(l);
        Assert.True(l.Unsync);
        Assert.Equal(1, mmu.Stats.Unsync);
        Assert.Equal([2], p2.UnsyncChildBitmap.SetBits());
        Assert.Equal([1], p3.UnsyncChildBitmap.SetBits());
        Assert.Equal([0], r.UnsyncChildBitmap.SetBits());
        Assert.Equal(1, r.UnsyncChildren);
        Assert.Empty(InvariantChecker.Check(mmu));
    }

    [Theory]
    [MemberData(nameof(TestTables.BothAlgorithms), MemberType = typeof(TestTables))]
    public void Marking_StopsWhereCountWasAlreadyNonzero(string algorithm)
    {
        var (mmu, r, p3, p2, l) = TestTables.Chain(algorithm);
        var l2 = mmu.CreatePage("L2", 1);
        mmu.Link(p2, 3, l2);
        mmu.Unsync(l);
        var marked = new List<string>();
        mmu.Observer = e => { if (e is Events.UnsyncBitMarked m) { marked.Add($"{m.Page.Name}[{m.Index}]"); } };
        mmu.Unsync(l2);
        Assert.Equal(["P2[3]"], marked);
        Assert.Equal(2, p2.UnsyncChildren);
        Assert.Equal(1, p3.UnsyncChildren);
        Assert.Equal(1, r.UnsyncChildren);
    }
}
