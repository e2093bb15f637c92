using MmuDsl.Dsl.Runtime;
using MmuDsl.Dsl.Scenarios;
using MmuDsl.Dsl.Syntax;
using MmuDsl.Html.Recording;
using MmuDsl.Mmu;

namespace MmuDsl.Html.Tests.Model;

/// <summary>
/// The recorder sees only events, yet must know every page a statement changed: checked against
/// a whole-engine snapshot after every statement, for every shipped scenario, under every
/// algorithm (mutants included). And the stages of a loop, applied in order to the state before
/// the statement, must give the state after it.
/// </summary>
public sealed partial class RecorderTests
{
    [System.Text.RegularExpressions.GeneratedRegex(@"(?m)^\s*(@\w+\s+)?(trace\s+)?(sync|zap|zap-unsync-children)\s+[A-Za-z_$]")]
    private static partial System.Text.RegularExpressions.Regex SyncOrZap();

    [Theory]
    [MemberData(nameof(Scenarios.Shipped), MemberType = typeof(Scenarios))]
    public void StatementChanges_EqualSnapshots_ForEveryShippedScenario(string scenario)
    {
        int statementsWithStages = AssertRecordsMatchSnapshots(Repo.Scenario(scenario), scenario).Sum(r => r.Statements.Count(s => s.SubSteps.Count > 0));
        bool syncs = SyncOrZap().IsMatch(File.ReadAllText(Repo.Scenario(scenario)));
        Assert.True(!syncs || statementsWithStages > 0, $"{scenario} syncs, yet no statement was recorded with stages");
    }

    [Fact]
    public void YieldBlockAndFetch_AreStagesOfTheirStatement_AndAddUp()
    {
        string file = Path.Combine(Repo.Artifacts, "recorder-yield.mmu");
        File.WriteAllText(file, """
            set pvec 3
            root R level 3
            page A level 2
            page B level 2
            page L0 level 1
            page L1 level 1
            page L2 level 1
            link R[0] -> A
            link R[1] -> B
            link A[0] -> L0
            link A[1] -> L1
            link B[0] -> L2
            unsync L0
            unsync L1
            unsync L2
            sync R yield-after 1 {
              unlink B[0]
              expect L0.syncs == 1
            }
            page C level 2
            page L3 level 1
            link C[0] -> L3
            unsync L3
            link R[2] -> C via fetch
            expect invariants

            """);
        foreach (var recorder in AssertRecordsMatchSnapshots(file, "recorder-yield.mmu"))
        {
            Assert.DoesNotContain(recorder.Statements, r => r.Statement is UnlinkStatement);
            var sync = recorder.Statements.Single(r => r.Statement is SyncStatement);
            var texts = sync.SubSteps.Select(s => s.Text).ToList();
            int yielded = texts.FindIndex(t => t.StartsWith("mmu_sync_children R: need_resched after 1 batch", StringComparison.Ordinal));
            Assert.True(yielded > 0, string.Join("\n", texts));
            Assert.Equal("at the yield: unlink B[0]", texts[yielded + 1]);
            Assert.Equal("at the yield: expect L0.syncs == 1", texts[yielded + 2]);
            Assert.Contains(texts.Skip(yielded + 3), t => t.StartsWith("mmu_unsync_walk R", StringComparison.Ordinal));
            var fetch = recorder.Statements.Single(r => r.Statement is LinkStatement { ViaFetch: true });
            Assert.Equal("mmu_sync_children C", fetch.SubSteps[0].Text);
        }
    }

    // Runs the scenario under every algorithm with whole-engine snapshots and the recorders, and
    // checks the recording against the snapshots; returns the recorders.
    private static List<StepRecorder> AssertRecordsMatchSnapshots(string path, string scenario)
    {
        var recorders = new List<StepRecorder>();
        var options = RunOptions.Default with
        {
            Algorithms = Scenarios.AllAlgorithms,
            Watcher = name =>
            {
                var r = new StepRecorder(name);
                recorders.Add(r);
                return r;
            },
        };
        var result = ScenarioRunner.RunFile(path, options, recordSteps: true);
        Assert.True(result.Runs.Count > 0, string.Join("\n", result.Errors));
        Assert.Equal(result.Runs.Count, recorders.Count);
        for (int a = 0; a < result.Runs.Count; a++)
        {
            var run = result.Runs[a];
            var recorder = recorders[a];
            Assert.Equal(run.Algorithm, recorder.Algorithm);
            var state = new Dictionary<string, PageState>(StringComparer.Ordinal);
            int at = 0;
            foreach (var record in recorder.Statements)
            {
                // The snapshot taken after the same statement (a trace is recorded after its inner one).
                while (!ReferenceEquals(run.Steps![at].Statement, record.Statement))
                {
                    at++;
                }

                var snapshot = run.Steps![at].State;
                var before = new Dictionary<string, PageState>(state);
                foreach (var sub in record.SubSteps)
                {
                    foreach (var (_, page) in sub.Pages)
                    {
                        state[page.Name] = page;
                    }
                }

                if (record.SubSteps.Count > 0 && record.DroppedSubSteps == 0)
                {
                    AssertSame(snapshot, state, $"{scenario}:{record.Statement.Span.Line} [{recorder.Algorithm}] after its last stage");
                }

                state = before;
                foreach (var (_, page) in record.Changes)
                {
                    state[page.Name] = page;
                }

                AssertSame(snapshot, state, $"{scenario}:{record.Statement.Span.Line} [{recorder.Algorithm}]");
                Assert.Equal(snapshot.Stats, record.Stats);
                at++;
            }
        }

        return recorders;
    }

    [Fact]
    public void TracedSync_IsOneRecord_WithTheTraceOutput_AndItsStages()
    {
        var recorders = Record(Repo.Scenario("seed-review/04-parent-updated-by-the-loop.mmu"));
        var legacy = recorders[0].Statements.Single(r => r.Statement is TraceStatement);
        Assert.Contains("mmu_unsync_walk R = 1 pvec=[R A@0 B@0 L@0]", string.Concat(legacy.Output), StringComparison.Ordinal);
        Assert.Equal(
            ["mmu_sync_children R", "mmu_unsync_walk R = 1 pvec=[R A@0 B@0 L@0] visited R[0] A[0] B[0]", "kvm_sync_page L", "mmu_pages_clear_parents B[0] A[0] R[0]", "mmu_unsync_walk R = 0"],
            legacy.SubSteps.Select(s => s.Text).ToArray());
        Assert.All(legacy.SubSteps[3].Cleared, c => Assert.Equal(Mmu.Events.BitClearer.ClearParents, c.By));

        var recursive = recorders[1].Statements.Single(r => r.Statement is TraceStatement);
        Assert.Equal(
            ["mmu_sync_children R", "mmu_unsync_walk R = 1 pvec=[R A@0 B@0 L@0] visited R[0] A[0] B[0]", "kvm_sync_page L", "mmu_unsync_walk R = 0 pvec=[R A@0 B@0] visited R[0] A[0] B[0]"],
            recursive.SubSteps.Select(s => s.Text).ToArray());
        var lastWalk = recursive.SubSteps[3];
        Assert.Equal(3, lastWalk.Cleared.Count);
        Assert.All(lastWalk.Cleared, c => Assert.Equal(Mmu.Events.BitClearer.Walk, c.By));
        Assert.Equal(["mmu_sync_children R = 0 after 1 batch"], recursive.Outcomes);
    }

    [Fact]
    public void ExpectationThatFails_IsRecordedAtItsExecution()
    {
        string file = Path.Combine(Repo.Artifacts, "recorder-failing.mmu");
        File.WriteAllText(file, "root R level 2\npage L level 1\nlink R[0] -> L\nfor i in 0..3 {\n  expect $i != 1\n}\n");
        var recorders = Record(file);
        var expects = recorders[0].Statements.Where(r => r.Statement is ExpectStatement).ToList();
        Assert.Equal(3, expects.Count);
        Assert.Equal([0, 1, 0], expects.Select(e => e.Failures.Count).ToArray());
    }

    private static List<StepRecorder> Record(string path)
    {
        var recorders = new List<StepRecorder>();
        ScenarioRunner.RunFile(path, RunOptions.Default with
        {
            Watcher = name =>
            {
                var r = new StepRecorder(name);
                recorders.Add(r);
                return r;
            },
        });
        return recorders;
    }

    private static void AssertSame(MmuSnapshot snapshot, Dictionary<string, PageState> state, string where)
    {
        Assert.True(snapshot.Pages.Length == state.Count, $"{where}: {state.Count} pages recorded, {snapshot.Pages.Length} in the engine");
        foreach (var page in snapshot.Pages)
        {
            Assert.True(state.TryGetValue(page.Name, out var recorded), $"{where}: page {page.Name} was never recorded");
            Assert.True(page.Equals(recorded), $"{where}: {page.Name} recorded as {Show(recorded!)}, the engine has {Show(page)}");
        }
    }

    private static string Show(PageState p) =>
        $"unsync={p.Unsync} zapped={p.Zapped} syncs={p.Syncs} uc={p.UnsyncChildren} bitmap={p.Bitmap} sptes=[{string.Join(" ", p.Sptes.Select(s => $"{s.Index}:{s.Kind}:{s.Child}"))}]";
}
