namespace MmuDsl.Mmu.Tests;

/// <summary>
/// <see cref="ShadowMmu.Clone"/> and <see cref="ShadowMmu.CopyStateFrom"/>: a copy is the same state
/// (snapshot, parent pte order, warnings, counters) and behaves the same from then on, and the
/// two engines share nothing mutable.
/// </summary>
public sealed class CloneTests
{
    [Theory]
    [MemberData(nameof(TestTables.BothAlgorithms), MemberType = typeof(TestTables))]
    public void Clone_IsTheSameState(string algorithm)
    {
        var mmu = TestTables.Diamond(algorithm);
        mmu.Unsync(mmu.Page("L1"));
        mmu.Unsync(mmu.Page("L2"));
        mmu.BatchCapacity = 3;
        mmu.SyncChildren(mmu.Page("R1"), 1);
        var copy = mmu.Clone();
        AssertSameState(mmu, copy);
        Assert.Equal(3, copy.BatchCapacity);
        Assert.Same(mmu.Algorithm, copy.Algorithm);
        Assert.Null(copy.Observer);
    }

    [Theory]
    [MemberData(nameof(TestTables.BothAlgorithms), MemberType = typeof(TestTables))]
    public void Clone_SharesNothingMutable(string algorithm)
    {
        var mmu = TestTables.Diamond(algorithm);
        var before = MmuSnapshot.Capture(mmu);
        var copy = mmu.Clone();
        copy.Unsync(copy.Page("L1"));
        copy.Zap(copy.Page("B"));
        copy.Unlink(copy.Page("R2"), 1);
        Assert.Equal(before, MmuSnapshot.Capture(mmu));
        Assert.Equal(2, mmu.Page("B").ParentCount);
        Assert.Same(mmu, mmu.Page("B").ParentPtes[0].Parent.Owner);
        Assert.All(copy.Pages.SelectMany(p => p.PresentSptes()), s => Assert.Same(copy, s.Spte.Child!.Owner));
    }

    [Theory]
    [MemberData(nameof(TestTables.BothAlgorithms), MemberType = typeof(TestTables))]
    public void CopyStateFrom_RestoresAnEarlierState(string algorithm)
    {
        var mmu = TestTables.Diamond(algorithm);
        var saved = mmu.Clone();
        mmu.Unsync(mmu.Page("L1"));
        mmu.FailNextSync(mmu.Page("L1"));
        mmu.SyncChildren(mmu.Page("R2"));
        mmu.Unlink(mmu.Page("R1"), 0);
        Assert.NotEqual(MmuSnapshot.Capture(saved), MmuSnapshot.Capture(mmu));
        mmu.CopyStateFrom(saved);
        AssertSameState(saved, mmu);

        // And forward again: the restored engine reaches the state the first run reached.
        var again = saved.Clone();
        foreach (var e in new[] { mmu, again })
        {
            e.Unsync(e.Page("L2"));
            e.SyncChildren(e.Page("R1"));
        }

        AssertSameState(again, mmu);
    }

    [Fact]
    public void CopyStateFrom_OtherPages_IsRefusedAndChangesNothing()
    {
        var mmu = TestTables.Diamond("legacy");
        var before = MmuSnapshot.Capture(mmu);
        var other = TestTables.New("legacy");
        other.CreateRoot("R1", 3);
        var e = Assert.Throws<MmuException>(() => mmu.CopyStateFrom(other));
        Assert.Equal(MmuErrorKind.BadArgument, e.Kind);
        Assert.Equal(before, MmuSnapshot.Capture(mmu));

        var renamed = TestTables.New("legacy");
        foreach (var p in mmu.Pages)
        {
            _ = p.IsRoot ? renamed.CreateRoot(p.Name == "B" ? "X" : p.Name, p.Level) : renamed.CreatePage(p.Name == "B" ? "X" : p.Name, p.Level);
        }

        Assert.Contains("'X'", Assert.Throws<MmuException>(() => mmu.CopyStateFrom(renamed)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Clone_KeepsWarningsAndCounters()
    {
        var mmu = TestTables.New("legacy");
        var r = mmu.CreateRoot("R", 4);
        var c = mmu.CreatePage("C", 3);
        var b = mmu.CreatePage("B", 2);
        var l = mmu.CreatePage("L", 1);
        mmu.Link(r, 0, c);
        mmu.Link(c, 0, b);
        mmu.Link(b, 0, l);
        mmu.Unsync(l);
        mmu.BatchCapacity = 2;
        mmu.SyncChildren(r);
        Assert.NotEmpty(mmu.Warnings);
        Assert.True(mmu.Stats.FullBatches > 0);
        var copy = mmu.Clone();
        Assert.Equal(mmu.Warnings, copy.Warnings);
        Assert.Equal(mmu.Stats.Snapshot(), copy.Stats.Snapshot());
    }

    [Theory]
    [InlineData("legacy")]
    [InlineData("recursive")]
    [InlineData("mutant_first_parent_marking")]
    public void RandomRuns_CloneAtEveryStep_BehavesTheSame(string algorithm)
    {
        for (int seed = 0; seed < 200; seed++)
        {
            var rng = new Random(seed);
            var mmu = TestTables.Diamond(algorithm);
            mmu.BatchCapacity = 3 + rng.Next(2);
            var scratch = mmu.Clone();
            for (int step = 0; step < 12; step++)
            {
                var copy = mmu.Clone();
                scratch.CopyStateFrom(mmu);
                var op = TestTables.RandomOperation(mmu, rng);
                string a = Outcome(op, mmu);
                Assert.Equal(a, Outcome(op, copy));
                Assert.Equal(a, Outcome(op, scratch));
                AssertSameState(mmu, copy);
                AssertSameState(mmu, scratch);
            }
        }
    }

    private static string Outcome(RandomOp op, ShadowMmu mmu)
    {
        try
        {
            return op.ApplyTo(mmu)?.ToString() ?? "-";
        }
        catch (MmuException e)
        {
            return e.Kind.ToString();
        }
    }

    private static void AssertSameState(ShadowMmu expected, ShadowMmu actual)
    {
        Assert.Equal(MmuSnapshot.Capture(expected), MmuSnapshot.Capture(actual));
        Assert.Equal(expected.Warnings, actual.Warnings);
        Assert.Equal(expected.SyncPostconditionViolations.Count, actual.SyncPostconditionViolations.Count);
        for (int i = 0; i < expected.Pages.Count; i++)
        {
            var p = expected.Pages[i];
            var q = actual.Pages[i];
            Assert.Equal(p.FailNextSync, q.FailNextSync);
            Assert.Equal(
                p.ParentPtes.Select(x => (x.Parent.Name, x.Index)),
                q.ParentPtes.Select(x => (x.Parent.Name, x.Index)));
            Assert.All(q.ParentPtes, x => Assert.Same(actual, x.Parent.Owner));
        }
    }
}
