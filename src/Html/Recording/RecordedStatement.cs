using MmuDsl.Dsl.Runtime;
using MmuDsl.Dsl.Syntax;
using MmuDsl.Mmu;

namespace MmuDsl.Html.Recording;

/// <summary>One execution of a statement under one algorithm: what it changed, step by step.</summary>
internal sealed class RecordedStatement(Statement statement, bool completed)
{
    /// <summary>The statement (a <c>trace</c>'s inner one: the trace is folded into it).</summary>
    public Statement Statement { get; set; } = statement;

    /// <summary>False when the statement stopped the run with an error.</summary>
    public bool Completed { get; set; } = completed;

    /// <summary>Every page whose state differs from before the statement, by engine id, in its state after it.</summary>
    public List<(int Page, PageState State)> Changes { get; } = [];

    /// <summary>The stages of a sync or zap loop, in order (empty for a statement that walked nothing).</summary>
    public List<RecordedSubStep> SubSteps { get; } = [];

    /// <summary>Stages left out past <see cref="StepRecorder.MaxSubSteps"/>.</summary>
    public int DroppedSubSteps { get; set; }

    /// <summary>Bits marked (<c>mark_unsync</c>) by the statement.</summary>
    public List<BitChange> Marked { get; } = [];

    /// <summary>Bits cleared by the statement, and by whom.</summary>
    public List<BitChange> Cleared { get; } = [];

    /// <summary>What the statement printed (<c>show</c>, <c>echo</c>, <c>stats</c>, <c>trace</c>).</summary>
    public List<string> Output { get; } = [];

    /// <summary>Expectations that failed at this execution.</summary>
    public List<ScenarioFailure> Failures { get; } = [];

    /// <summary>Warnings the engine fired during the statement.</summary>
    public List<MmuWarning> Warnings { get; } = [];

    /// <summary>How each sync or zap loop ended (<c>mmu_sync_children R = 0 after 1 batch</c>).</summary>
    public List<string> Outcomes { get; } = [];

    /// <summary>The counters after the statement.</summary>
    public MmuStatsSnapshot Stats { get; set; }
}
