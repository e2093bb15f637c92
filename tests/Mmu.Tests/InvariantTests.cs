using MmuDsl.Mmu.Algorithms;
using MmuDsl.Mmu.Invariants;
using static MmuDsl.Mmu.Tests.TestTables;

namespace MmuDsl.Mmu.Tests;

/// <summary>
/// <see cref="InvariantChecker"/>: silent on the real algorithms, and it does catch what the
/// deliberately wrong algorithms break (invariant 2 and 4), naming the pages.
/// </summary>
public sealed class InvariantTests
{
    [Theory]
    [MemberData(nameof(BothAlgorithms), MemberType = typeof(TestTables))]
    public void Check_RealAlgorithm_ThroughEveryKindOfOperation_ReportsNothing(string algorithm)
    {
        var (mmu, r, p3, p2, l) = Chain(algorithm);
        var r2 = mmu.CreateRoot("R2", 3);
        var l2 = mmu.CreatePage("L2", 1);
        mmu.Link(r2, 4, p2);
        mmu.Link(p2, 3, l2);
        var steps = new List<(string Name, Action Step)>
        {
            ("unsync L", () => mmu.Unsync(l)),
            ("unsync L2", () => mmu.Unsync(l2)),
            ("sync R interrupt-after 1", () => mmu.SyncChildren(r, 1)),
            ("unsync L again", () => mmu.Unsync(l)),
            ("unlink P2[2]", () => mmu.Unlink(p2, 2)),
            ("link P2[2] back", () => mmu.Link(p2, 2, l)),
            ("fail-sync L", () => mmu.FailNextSync(l)),
            ("sync R2", () => mmu.SyncChildren(r2)),
            ("sync R", () => mmu.SyncChildren(r)),
            ("unsync L2", () => mmu.Unsync(l2)),
            ("zap-unsync-children R", () => mmu.ZapUnsyncChildren(r)),
            ("zap P3", () => mmu.Zap(p3)),
            ("sync R", () => mmu.SyncChildren(r)),
        };

        foreach (var (name, step) in steps)
        {
            step();
            Assert.True(InvariantChecker.Check(mmu).Count == 0, $"after {name}: {string.Join("; ", InvariantChecker.Check(mmu))}");
        }

        Assert.Empty(mmu.Warnings);
        Assert.True(l.Zapped);
        Assert.True(l2.Zapped);
        Assert.Equal(0, mmu.Stats.Unsync);
    }

    [Fact]
    public void Check_NoStaleClearMutant_StaleBitSurvivesSync_ReportsInvariant4NamingPage()
    {
        // The walk never clears a stale bit: R (L3) [0]-> P2 whose bit 3 is over nothing.
        var mmu = new ShadowMmu(new NoStaleClearMutant());
        var r = mmu.CreateRoot("R", 3);
        var p2 = mmu.CreatePage("P2", 2);
        var l = mmu.CreatePage("L", 1);
        mmu.Link(r, 0, p2);
        mmu.Link(p2, 3, l);
        mmu.Unsync(l);
        mmu.Unlink(p2, 3);

        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(r));

        Assert.Equal([0], Bits(r));
        var violation = Assert.Single(InvariantChecker.Check(mmu));
        Assert.Equal(4, violation.Number);
        Assert.Contains("'R'", violation.Message, StringComparison.Ordinal);
        Assert.Contains("invariant 4", violation.ToString(), StringComparison.Ordinal);
        Assert.Same(violation, Assert.Single(mmu.SyncPostconditionViolations));
    }

    [Fact]
    public void Check_FirstParentMarkingMutant_SecondParentUnmarked_ReportsFalseNegative()
    {
        var mmu = new ShadowMmu(new FirstParentMarkingMutant());
        var r1 = mmu.CreateRoot("R1", 2);
        var r2 = mmu.CreateRoot("R2", 2);
        var l = mmu.CreatePage("L", 1);
        mmu.Link(r1, 0, l);
        mmu.Link(r2, 6, l);

        mmu.Unsync(l);

        Assert.Equal([0], Bits(r1));
        Assert.Empty(Bits(r2));
        var violation = Assert.Single(InvariantChecker.Check(mmu));
        Assert.Equal(2, violation.Number);
        Assert.Contains("'L'", violation.Message, StringComparison.Ordinal);
        Assert.Contains("'R2'", violation.Message, StringComparison.Ordinal);

        // A sync of R2 then returns 0 with L, below it, still unsync: invariant 4 as well.
        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(r2));
        Assert.True(l.Unsync);
        Assert.Equal([2, 4], InvariantChecker.Check(mmu).Select(v => v.Number));
    }

    [Fact]
    public void Check_PostconditionsOff_NothingRecordedAtSyncEnd()
    {
        var mmu = new ShadowMmu(new NoStaleClearMutant()) { CheckSyncPostconditions = false };
        var r = mmu.CreateRoot("R", 2);
        var l = mmu.CreatePage("L", 1);
        mmu.Link(r, 0, l);
        mmu.Unsync(l);
        mmu.Unlink(r, 0);

        Assert.Equal(SyncOutcome.Done, mmu.SyncChildren(r));

        Assert.Equal([0], Bits(r));
        Assert.Empty(mmu.SyncPostconditionViolations);
        Assert.Empty(InvariantChecker.Check(mmu));
    }

    [Theory]
    [InlineData("legacy")]
    [InlineData("recursive")]
    [InlineData("mutant_no_stale_clear")]
    [InlineData("mutant_first_parent_marking")]
    public void Holds_AgreesWithCheck_OnRandomRuns(string algorithm)
    {
        int broken = 0;
        for (int seed = 0; seed < 300; seed++)
        {
            var rng = new Random(seed);
            var mmu = TestTables.Diamond(algorithm);
            for (int step = 0; step < 12; step++)
            {
                try
                {
                    TestTables.RandomOperation(mmu, rng).ApplyTo(mmu);
                }
                catch (MmuException)
                {
                }

                bool clean = InvariantChecker.Check(mmu).Count == 0;
                Assert.Equal(clean, InvariantChecker.Holds(mmu));
                broken += clean ? 0 : 1;
            }
        }

        // The mutants break invariants on these runs, so both verdicts were exercised.
        Assert.True(algorithm.StartsWith("mutant", StringComparison.Ordinal) ? broken > 0 : broken == 0, $"{broken} broken states");
    }

    [Fact]
    public void Mutants_AreMarkedAndNotOfferedByDefault()
    {
        Assert.All(WalkAlgorithms.Mutants, m => Assert.True(m.IsMutant));
        Assert.All(WalkAlgorithms.All, a => Assert.False(a.IsMutant));
        Assert.Equal(["legacy", "recursive", "eager"], WalkAlgorithms.All.Select(a => a.Name));
        Assert.Equal(["legacy", "recursive"], WalkAlgorithms.Default.Select(a => a.Name));
        Assert.DoesNotContain(WalkAlgorithms.Default, a => a.IsMutant);
        Assert.All(WalkAlgorithms.Mutants, m => Assert.Same(m, WalkAlgorithms.Find(m.Name)));
    }

    [Theory]
    [InlineData(1, "unsync_children == popcount(unsync_child_bitmap)")]
    [InlineData(2, "no false negatives")]
    [InlineData(4, "a sync that returned 0 left nothing unsync below its page")]
    public void InvariantViolation_ToString_GivesNumberTitleAndMessage(int number, string title)
    {
        var v = new InvariantViolation(number, "'P' is wrong");
        Assert.Equal(title, v.Title);
        Assert.Equal($"invariant {number} ({title}): 'P' is wrong", v.ToString());
    }
}
