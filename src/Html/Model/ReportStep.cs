using MmuDsl.Dsl.Syntax;
using MmuDsl.Html.Recording;

namespace MmuDsl.Html.Model;

/// <summary>
/// One step of the report: one execution of a statement, under every algorithm that ran it
/// (<see cref="Records"/>, by algorithm; null where one did not). It shows as
/// <see cref="SubFrames"/> frames for the stages of its loops, then one for the state after it.
/// </summary>
internal sealed class ReportStep(SourceSpan span, int occurrence, RecordedStatement?[] records)
{
    /// <summary>The statement's place in its file.</summary>
    public SourceSpan Span { get; } = span;

    /// <summary>Which execution of the statement this is (1 for the first).</summary>
    public int Occurrence { get; } = occurrence;

    /// <summary>Each algorithm's record of it, in the report's algorithm order.</summary>
    public RecordedStatement?[] Records { get; } = records;

    /// <summary>The number of the step's first frame.</summary>
    public int FirstFrame { get; set; }

    /// <summary>Frames for the stages of its loops (the most any algorithm had); the frame after them is the state after the statement.</summary>
    public int SubFrames { get; set; }

    /// <summary>What differs between the algorithms after it.</summary>
    public DiffKinds Diff { get; set; }

    /// <summary>The first statement the report marks as stopping a run with an error.</summary>
    public bool Error => Records.Any(r => r is { Completed: false });
}
