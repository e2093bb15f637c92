using MmuDsl.Dsl.Syntax;

namespace MmuDsl.Dsl.Scenarios;

/// <summary>
/// How two algorithms' engine states compare after one statement both ran: the first semantic
/// difference (unsync pages, syncs per page, zapped pages, stat.unsync), every page whose metadata
/// (bitmap, unsync_children) differs, and the work (walks, visits), each null or empty when equal.
/// </summary>
/// <param name="Statement">The statement both runs executed.</param>
/// <param name="SourceLine">Its source line, trimmed, at most 60 characters.</param>
/// <param name="Semantic">The first semantic difference, in words, or null.</param>
/// <param name="Metadata">One line per page whose bitmap or count differs.</param>
/// <param name="Work">The walks and visits of both, when they differ, or null.</param>
public sealed record StatementComparison(Statement Statement, string SourceLine, string? Semantic, IReadOnlyList<string> Metadata, string? Work)
{
    /// <summary>True when nothing differs after this statement.</summary>
    public bool Same => Semantic == null && Metadata.Count == 0 && Work == null;

    /// <summary>Where the statement is, as <c>FILE:LINE:COL</c>.</summary>
    public string Where => $"{Statement.Span.Path}:{Statement.Span.Line}:{Statement.Span.Column}";
}
