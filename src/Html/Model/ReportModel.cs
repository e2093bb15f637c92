using MmuDsl.Html.Layout;

namespace MmuDsl.Html.Model;

/// <summary>
/// Everything the page shows, computed in C#: the scenario's files, the pages, every distinct
/// page state, the steps and their frames, and per algorithm and frame the pages whose state
/// changed (from which state to which). The page's script only applies those changes and draws.
/// </summary>
internal sealed class ReportModel
{
    public required string Title { get; init; }

    public required bool Diff { get; init; }

    public required int ExitCode { get; init; }

    public required IReadOnlyList<string> Algorithms { get; init; }

    /// <summary>The files the scenario read (the main file first), with their text.</summary>
    public required IReadOnlyList<(string Path, string Text)> Files { get; init; }

    /// <summary>The errors that stopped the run (and those of golden blocks), each placed at its file and line.</summary>
    public required IReadOnlyList<ReportError> Errors { get; init; }

    public required IReadOnlyList<ReportPage> Pages { get; init; }

    /// <summary>Per algorithm: the report's number of each page, by the run's engine id.</summary>
    public required IReadOnlyList<IReadOnlyList<int>> PageNumbers { get; init; }

    public required IReadOnlyList<PageView> States { get; init; }

    public required IReadOnlyList<ReportStep> Steps { get; init; }

    public required int FrameCount { get; init; }

    /// <summary>Per algorithm, per frame: (page, new state, previous state) triples flattened; null when nothing changed.</summary>
    public required IReadOnlyList<IReadOnlyList<int[]?>> Deltas { get; init; }

    public required IReadOnlyList<ReportFailure> Failures { get; init; }

    /// <summary>Where the algorithms differ: one line each, with the step it points at (-1: none).</summary>
    public required IReadOnlyList<(string Text, int Step, string Kind)> Summary { get; init; }

    /// <summary>The frame the page opens at.</summary>
    public required int InitialFrame { get; init; }

    /// <summary>True when the scenario has more pages than the draw limit: each frame draws its own view.</summary>
    public required bool Large { get; init; }

    public required int DrawLimit { get; init; }

    /// <summary>The layouts: one for the whole graph, or (large) one per distinct view shape.</summary>
    public required IReadOnlyList<PlacedGraph> Layouts { get; init; }

    /// <summary>Large: what each view draws.</summary>
    public required IReadOnlyList<ReportView> Views { get; init; }

    /// <summary>Large: the view of each frame.</summary>
    public required IReadOnlyList<int> FrameViews { get; init; }

    /// <summary>How many components MSAGL laid out for this report.</summary>
    public required int MsaglRuns { get; init; }
}
