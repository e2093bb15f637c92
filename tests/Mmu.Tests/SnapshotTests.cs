namespace MmuDsl.Mmu.Tests;

public sealed class SnapshotTests
{
    [Theory]
    [MemberData(nameof(TestTables.BothAlgorithms), MemberType = typeof(TestTables))]
    public void Capture_SameState_IsEqualByValue(string algorithm)
    {
        var (mmu, _, _, _, l) = TestTables.Chain(algorithm);
        mmu.Unsync(l);
        Assert.Equal(MmuSnapshot.Capture(mmu), MmuSnapshot.Capture(mmu));
    }

    [Theory]
    [MemberData(nameof(TestTables.BothAlgorithms), MemberType = typeof(TestTables))]
    public void Capture_AfterAChange_IsNotEqual(string algorithm)
    {
        var (mmu, _, _, _, l) = TestTables.Chain(algorithm);
        var before = MmuSnapshot.Capture(mmu);
        mmu.Unsync(l);
        Assert.NotEqual(before, MmuSnapshot.Capture(mmu));
    }

    [Fact]
    public void InterruptAfterZero_MessageNamesThePage()
    {
        var (mmu, r, _, _, _) = TestTables.Chain("legacy");
        var e = Assert.Throws<MmuException>(() => mmu.SyncChildren(r, 0));
        Assert.Equal(MmuErrorKind.BadArgument, e.Kind);
        Assert.Contains("'R'", e.Message, StringComparison.Ordinal);
    }
}
