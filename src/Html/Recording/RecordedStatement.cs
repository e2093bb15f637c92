using MmuDsl.Dsl.Runtime;
using MmuDsl.Dsl.Syntax;
using MmuDsl.Mmu;

namespace MmuDsl.Html.Recording;

/// <summary>
/// One execution of a statement under one algorithm: what it changed, step by step. A report of
/// a large scenario holds hundreds of thousands of these, mostly of statements that changed one
/// page or none: each list is made only when it gets its first item.
/// </summary>
internal sealed class RecordedStatement(Statement statement, bool completed)
{
    private List<(int Page, PageState State)>? _changes;
    private List<RecordedSubStep>? _subSteps;
    private List<BitChange>? _marked;
    private List<BitChange>? _cleared;
    private List<string>? _output;
    private List<ScenarioFailure>? _failures;
    private List<MmuWarning>? _warnings;
    private List<string>? _outcomes;

    /// <summary>The statement (a <c>trace</c>'s inner one: the trace is folded into it).</summary>
    public Statement Statement { get; set; } = statement;

    /// <summary>False when the statement stopped the run with an error.</summary>
    public bool Completed { get; set; } = completed;

    /// <summary>Every page whose state differs from before the statement, by engine id, in its state after it.</summary>
    public IReadOnlyList<(int Page, PageState State)> Changes => _changes ?? [];

    /// <summary>The stages of a sync or zap loop, in order (empty for a statement that walked nothing).</summary>
    public IReadOnlyList<RecordedSubStep> SubSteps => _subSteps ?? [];

    /// <summary>Stages left out past <see cref="StepRecorder.MaxSubSteps"/>.</summary>
    public int DroppedSubSteps { get; set; }

    /// <summary>Bits marked (<c>mark_unsync</c>) by the statement.</summary>
    public IReadOnlyList<BitChange> Marked => _marked ?? [];

    /// <summary>Bits cleared by the statement, and by whom.</summary>
    public IReadOnlyList<BitChange> Cleared => _cleared ?? [];

    /// <summary>What the statement printed (<c>show</c>, <c>echo</c>, <c>stats</c>, <c>trace</c>).</summary>
    public IReadOnlyList<string> Output => _output ?? [];

    /// <summary>Expectations that failed at this execution.</summary>
    public IReadOnlyList<ScenarioFailure> Failures => _failures ?? [];

    /// <summary>Warnings the engine fired during the statement.</summary>
    public IReadOnlyList<MmuWarning> Warnings => _warnings ?? [];

    /// <summary>How each sync or zap loop ended (<c>mmu_sync_children R = 0 after 1 batch</c>).</summary>
    public IReadOnlyList<string> Outcomes => _outcomes ?? [];

    /// <summary>The counters after the statement.</summary>
    public MmuStatsSnapshot Stats { get; set; }

    public void AddChange(int page, PageState state) => (_changes ??= []).Add((page, state));

    public void AddSubSteps(List<RecordedSubStep> stages) => Append(ref _subSteps, stages);

    public void AddMarked(List<BitChange> bits) => Append(ref _marked, bits);

    public void AddCleared(List<BitChange> bits) => Append(ref _cleared, bits);

    public void AddOutput(string text) => (_output ??= []).Add(text);

    public void AddOutput(IReadOnlyList<string> texts) => Append(ref _output, texts);

    public void AddFailure(ScenarioFailure failure) => (_failures ??= []).Add(failure);

    public void AddFailures(IReadOnlyList<ScenarioFailure> failures) => Append(ref _failures, failures);

    public void AddWarning(MmuWarning warning) => (_warnings ??= []).Add(warning);

    public void AddOutcomes(List<string> outcomes) => Append(ref _outcomes, outcomes);

    private static void Append<T>(ref List<T>? list, IReadOnlyList<T> items)
    {
        if (items.Count > 0)
        {
            (list ??= new List<T>(items.Count)).AddRange(items);
        }
    }
}
