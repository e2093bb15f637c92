namespace MmuDsl.Html;

/// <summary>A rendered report: the page's bytes, and what it holds.</summary>
public sealed class HtmlReportPage
{
    internal HtmlReportPage(byte[] html, int steps, int frames, int pages, bool large, bool semanticDiffers, IReadOnlyList<string> algorithms)
    {
        Html = html;
        Steps = steps;
        Frames = frames;
        Pages = pages;
        Large = large;
        SemanticDiffers = semanticDiffers;
        Algorithms = algorithms;
    }

    /// <summary>The page, UTF-8.</summary>
    public byte[] Html { get; }

    /// <summary>Statement executions shown.</summary>
    public int Steps { get; }

    /// <summary>Frames one can step through (steps, and the stages of their syncs).</summary>
    public int Frames { get; }

    /// <summary>Pages of the scenario.</summary>
    public int Pages { get; }

    /// <summary>True when the scenario has more pages than the draw limit (each frame draws only what it touched).</summary>
    public bool Large { get; }

    /// <summary>True when after some statement the algorithms disagree on the semantic state.</summary>
    public bool SemanticDiffers { get; }

    /// <summary>The algorithms shown side by side.</summary>
    public IReadOnlyList<string> Algorithms { get; }
}
