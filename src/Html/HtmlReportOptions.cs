namespace MmuDsl.Html;

/// <summary>How a report is made. Immutable; vary it with <c>with { ... }</c>.</summary>
public sealed record HtmlReportOptions
{
    /// <summary>The defaults.</summary>
    public static HtmlReportOptions Default { get; } = new();

    /// <summary>
    /// Scenarios with at most this many pages are drawn whole at every step; above it, each step
    /// draws only the pages it touched, the pages where the algorithms differ, and their paths to
    /// the roots, and the page says so.
    /// </summary>
    public int DrawLimit { get; init; } = 400;

    /// <summary>Above <see cref="DrawLimit"/>: the most pages one frame draws.</summary>
    public int MaxDrawnPerFrame { get; init; } = 120;

    /// <summary>A report of <c>mmudsl diff</c>: it opens at the first difference and leads with where the runs differ.</summary>
    public bool Diff { get; init; }

    /// <summary>The page's title (default: the scenario's path).</summary>
    public string? Title { get; init; }
}
