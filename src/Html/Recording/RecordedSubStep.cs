using MmuDsl.Mmu;

namespace MmuDsl.Html.Recording;

/// <summary>
/// One stage of a statement's sync or zap loop (a walk and the bits it cleared, the sync of a
/// leaf, one bottom-up clearing, a zap), with the state, at its end, of every page it changed.
/// </summary>
internal sealed class RecordedSubStep(SubStepKind kind, string text, int focus)
{
    /// <summary>What the stage is.</summary>
    public SubStepKind Kind { get; } = kind;

    /// <summary>One line in the kernel's terms (a walk's line as <c>trace</c> prints it).</summary>
    public string Text { get; set; } = text;

    /// <summary>The page the stage is about (the walk's root, the leaf synced, the page zapped), by engine id.</summary>
    public int Focus { get; set; } = focus;

    /// <summary>Each page the stage changed, by engine id, in its state at the stage's end.</summary>
    public Dictionary<int, PageState> Pages { get; } = [];

    /// <summary>The bitmap entries a walk visited, in order (at most <see cref="StepRecorder.MaxVisits"/>).</summary>
    public List<PageEntry> Visits { get; } = [];

    /// <summary>How many visits there were in all (more than <see cref="Visits"/> holds when capped).</summary>
    public int VisitCount { get; set; }

    /// <summary>The batch (<c>pvec</c>) a walk left, in order.</summary>
    public List<PageEntry> Batch { get; } = [];

    /// <summary>The bits the stage cleared, and by whom, in order.</summary>
    public List<BitChange> Cleared { get; } = [];

    /// <summary>Further lines: warnings fired, the trace lines of what the stage did.</summary>
    public List<string> Notes { get; } = [];

    /// <summary>A zap whose <c>kvm_mmu_prepare_zap_page</c> has not ended yet takes the sptes cleared until then.</summary>
    public bool OpenZap { get; set; }
}
