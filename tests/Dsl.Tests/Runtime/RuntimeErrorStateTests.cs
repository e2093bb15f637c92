using MmuDsl.Dsl.Runtime;
using MmuDsl.Dsl.Scenarios;
using MmuDsl.Mmu;

namespace MmuDsl.Dsl.Tests.Runtime;

/// <summary>
/// docs/language.md#errors: a runtime error stops the run at the statement that caused it, with
/// a diagnostic and nothing half-done; and a zapped page may only be read (by <c>expect</c>,
/// <c>show</c> and any expression: docs/language.md#statements).
/// </summary>
public sealed class RuntimeErrorStateTests
{
    // R -> P -> Q -> L (unsync), a leaf map, a large spte, a zapped page Z and a free page F.
    private const string Table = """
        root R level 4
        page P level 3
        page Q level 2
        page L level 1 gfn 0x70
        page F level 1
        page Z level 1
        link R[0] -> P
        link P[1] -> Q
        link Q[2] -> L
        map L[3]
        map Q[4] large
        unsync L
        zap Z

        """;

    private static ScenarioResult Run(string text) => ScenarioRunner.RunText("state.mmu", text, RunOptions.Default);

    /// <summary>Everything the engine holds that a statement could change, as one comparable text.</summary>
    private static string State(ShadowMmu mmu)
    {
        var snapshot = MmuSnapshot.Capture(mmu);
        var pages = mmu.Pages.Select(p => $"{p.Name} L{p.Level} gfn={p.Gfn} parents={p.ParentCount} root={p.RootCount} fail={p.FailNextSync} pvec={mmu.BatchCapacity}");
        return string.Join("\n", pages) + "\n" + string.Join("\n", snapshot.Pages) + "\n" + snapshot.Stats;
    }

    [Theory]
    [InlineData("link R[0] -> P", "spte 'R[0]' is already present")]
    [InlineData("link P[512] -> Q", "spte index 512 is outside 0..511")]
    [InlineData("link P[7] -> L", "cannot link 'L' (level 1) below 'P' (level 3)")]
    [InlineData("link Q[9] -> Z", "page 'Z' was zapped")]
    [InlineData("map Q[2] large", "spte 'Q[2]' is already present")]
    [InlineData("map L[3]", "spte 'L[3]' is already present")]
    [InlineData("map Q[5]", "cannot map a 4 KiB leaf in 'Q'")]
    [InlineData("map L[5] large", "cannot map a large leaf in 'L'")]
    [InlineData("unlink Q[3]", "cannot unlink 'Q[3]'")]
    [InlineData("unsync Q", "cannot unsync 'Q' (level 2)")]
    [InlineData("fail-sync P", "cannot fail-sync 'P' (level 3)")]
    [InlineData("sync R interrupt-after 0", "interrupt-after must be at least 1 batch, not 0")]
    [InlineData("sync R interrupt-after -5", "interrupt-after must be at least 1 batch, not -5")]
    [InlineData("page F level 1", "page 'F' is declared twice")]
    [InlineData("root N level 6", "a root has a level from 2 to 5, not 6")]
    [InlineData("page N level 1 gfn 0x70", "gfn 0x70 at level 1 is already shadowed by 'L'")]
    [InlineData("page N level 1 gfn -1", "a gfn is never negative (-1)")]
    [InlineData("set pvec 4097", "must be between 2 and 4096, not 4097")]
    [InlineData("trace unsync Q", "cannot unsync 'Q' (level 2)")]
    [InlineData("zap Z", "page 'Z' was zapped")]
    public void Statement_Failing_LeavesTheEngineAsItWas(string statement, string message)
    {
        var before = Run(Table);
        var after = Run(Table + statement + "\n");
        Assert.Equal(0, before.ExitCode);
        Assert.Equal(2, after.ExitCode);
        Assert.Contains(message, Assert.Single(after.Errors).Render(), StringComparison.Ordinal);
        Assert.StartsWith("state.mmu:14:", after.Errors[0].Render(), StringComparison.Ordinal);
        for (int i = 0; i < before.Runs.Count; i++)
        {
            Assert.Equal(State(before.Runs[i].Engine), State(after.Runs[i].Engine));
        }
    }

    [Theory]
    [InlineData("link Z[0] -> F", 6)]
    [InlineData("link Q[9] -> Z", 14)]
    [InlineData("map Z[0]", 5)]
    [InlineData("unlink Z[0]", 8)]
    [InlineData("unsync Z", 8)]
    [InlineData("sync Z", 6)]
    [InlineData("sync Z interrupt-after 1", 6)]
    [InlineData("fail-sync Z", 11)]
    [InlineData("zap Z", 5)]
    [InlineData("zap-unsync-children Z", 21)]
    [InlineData("trace unsync Z", 14)]
    [InlineData("@recursive unsync Z", 19)]
    public void Statement_OnAZappedPage_IsAnErrorAtTheName(string statement, int column)
    {
        var result = Run(Table + statement + "\n");
        string error = Assert.Single(result.Errors).Render();
        string tag = statement.StartsWith("@recursive", StringComparison.Ordinal) ? " [recursive]" : string.Empty;
        Assert.Equal(
            $"state.mmu:14:{column}: error{tag}: page 'Z' was zapped; only 'expect' and 'show' may use a zapped page\n{statement}\n{new string(' ', column - 1)}^\n",
            error);
    }

    [Theory]
    [InlineData("expect Z.zapped && Z.parents == 0 && Z.children == {} && !Z.unsync", "")]
    [InlineData("show Z", "Z L1 zapped sync\n")]
    [InlineData("echo \"${Z.gfn} ${Z.level} ${Z.syncs} ${Z.zapped}\"", "5 1 0 true\n")]
    [InlineData("let g = Z.gfn + 1\necho \"$g\"", "6\n")]
    [InlineData("for i in 0..Z.level {\n  echo \"$i\"\n}", "0\n")]
    public void Reading_AZappedPage_IsAllowed(string statements, string output)
    {
        var result = Run(Table + statements + "\n");
        Assert.Empty(result.Errors);
        Assert.Empty(result.Failures);
        Assert.Equal(output, result.Output);
    }
}
