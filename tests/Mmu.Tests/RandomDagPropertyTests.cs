using System.Diagnostics;
using MmuDsl.Mmu.Algorithms;
using Xunit.Abstractions;

namespace MmuDsl.Mmu.Tests;

/// <summary>
/// The seeded property test: thousands of random DAGs and operation sequences, both algorithms
/// in lock-step (see <see cref="RandomDagRunner"/> for what is checked after every operation).
/// A failure prints the seed and the whole sequence as a .mmu scenario.
/// </summary>
public sealed class RandomDagPropertyTests
{
    private const int Seeds = 12_000;
    private const int EagerSeeds = 6_000;
    private const int CapacitySeeds = 2_000;
    private readonly ITestOutputHelper _output;

    public RandomDagPropertyTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void RandomDags_BothAlgorithmsInLockStep_KeepInvariantsAndAgreeUntilInterrupted()
    {
        var coverage = new RandomDagCoverage();
        var clock = Stopwatch.StartNew();
        for (int seed = 0; seed < Seeds; seed++)
        {
            string? failure = RandomDagRunner.Run(seed, coverage);
            Assert.True(failure == null, failure);
        }

        _output.WriteLine($"{Seeds} seeds in {clock.ElapsedMilliseconds} ms: {coverage}");

        // The generator reaches what the property is about.
        Assert.Equal(Seeds, coverage.Runs);
        Assert.True(coverage.SharedPages > Seeds, coverage.ToString());
        Assert.True(coverage.SyncsThatSyncedSomething > Seeds, coverage.ToString());
        Assert.True(coverage.FullBatches > Seeds / 10, coverage.ToString());
        Assert.True(coverage.FailedSyncZaps > Seeds / 10, coverage.ToString());
        Assert.True(coverage.InterruptedSyncs > Seeds / 10, coverage.ToString());
        Assert.True(coverage.RunsStructureDiverged > 0, coverage.ToString());
        Assert.True(coverage.ZapLoops > Seeds, coverage.ToString());
        Assert.True(coverage.StaleBitsClearedByWalk > Seeds, coverage.ToString());
        Assert.True(coverage.BitsClearedByClearParents > Seeds, coverage.ToString());
        Assert.True(coverage.SmallCapacityRuns > Seeds / 3, coverage.ToString());
    }

    [Fact]
    public void RandomDags_LegacyAndEagerWithoutInterrupts_KeepInvariantsAndAgreeAfterEveryOperation()
    {
        // eager against legacy, on the same random DAGs and sequences with no interrupt-after:
        // after every operation both hold invariants 1-4 and fired no warning (no-progress
        // included), and they agree on the semantic state (which pages are unsync, synced how
        // often, zapped), stat.unsync, syncs and zaps, the metadata, the structure, and the
        // outcome of every sync and zap loop. (A completed sync leaves every page it can reach
        // clean under both, so the metadata agrees too; interrupted syncs leave different bits,
        // InterruptTests and scenarios/eager/06-interrupted-sync.mmu.)
        var coverage = new RandomDagCoverage();
        var clock = Stopwatch.StartNew();
        for (int seed = 0; seed < EagerSeeds; seed++)
        {
            string? failure = RandomDagRunner.Run(seed, coverage, WalkAlgorithms.Legacy, WalkAlgorithms.Eager, interrupts: false);
            Assert.True(failure == null, failure);
        }

        _output.WriteLine($"{EagerSeeds} seeds in {clock.ElapsedMilliseconds} ms: {coverage}");

        Assert.Equal(EagerSeeds, coverage.Runs);
        Assert.Equal(0, coverage.InterruptedSyncs);
        Assert.True(coverage.SharedPages > EagerSeeds, coverage.ToString());
        Assert.True(coverage.SyncsThatSyncedSomething > EagerSeeds, coverage.ToString());
        Assert.True(coverage.FullBatches > EagerSeeds / 10, coverage.ToString());
        Assert.True(coverage.SecondEngineFullBatches > EagerSeeds / 20, coverage.ToString());
        Assert.True(coverage.FailedSyncZaps > EagerSeeds / 10, coverage.ToString());
        Assert.True(coverage.ZapLoops > EagerSeeds, coverage.ToString());
        Assert.True(coverage.SmallCapacityRuns > EagerSeeds / 3, coverage.ToString());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RandomDags_EagerAtACapacityBelowEveryLevel_AgreesWithLegacy(int capacity)
    {
        // docs/model.md#eager-capacity-and-progress: any pvec >= 1 works at every level. Eager
        // runs at 1, 2 or 3 throughout (below the level of most roots here, where legacy would
        // fire no-progress), legacy at what the sequence sets (16, or at least the highest level):
        // the same checks as above after every operation, no-progress included.
        var coverage = new RandomDagCoverage();
        for (int seed = 0; seed < CapacitySeeds; seed++)
        {
            string? failure = RandomDagRunner.Run(seed, coverage, WalkAlgorithms.Legacy, WalkAlgorithms.Eager, interrupts: false, secondCapacity: capacity);
            Assert.True(failure == null, failure);
        }

        _output.WriteLine($"{CapacitySeeds} seeds, eager at pvec {capacity}: {coverage}");
        Assert.True(coverage.SyncsThatSyncedSomething > CapacitySeeds, coverage.ToString());
        Assert.True(coverage.SecondEngineFullBatches > CapacitySeeds, coverage.ToString());
        Assert.True(coverage.ZapLoops > CapacitySeeds, coverage.ToString());
    }

    [Fact]
    public void RandomDags_SameSeed_SameRun()
    {
        var a = new RandomDagCoverage();
        var b = new RandomDagCoverage();
        Assert.Null(RandomDagRunner.Run(1234, a));
        Assert.Null(RandomDagRunner.Run(1234, b));
        Assert.Equal(a.ToString(), b.ToString());
        Assert.True(a.Operations > 10);
    }

    public static IEnumerable<object[]> Mutants() => WalkAlgorithms.Mutants.Select(m => new object[] { m.Name });

    [Theory]
    [MemberData(nameof(Mutants))]
    public void RandomDags_MutantAsSecondEngine_CaughtWithSeedAndScenario(string mutant)
    {
        // The property has teeth: each deliberately wrong algorithm fails it within a few seeds,
        // and the failure names the seed and prints the sequence.
        var algorithm = WalkAlgorithms.Find(mutant)!;
        string? failure = null;
        int seed = 0;
        for (; seed < 500 && failure == null; seed++)
        {
            failure = RandomDagRunner.Run(seed, new RandomDagCoverage(), WalkAlgorithms.Legacy, algorithm);
        }

        Assert.NotNull(failure);
        _output.WriteLine(failure);
        Assert.Contains($"seed {seed - 1} ", failure, StringComparison.Ordinal);
        Assert.Contains("as a .mmu scenario:", failure, StringComparison.Ordinal);
        Assert.Contains("    root R0 level ", failure, StringComparison.Ordinal);
        Assert.Contains(mutant, failure, StringComparison.Ordinal);
    }
}
