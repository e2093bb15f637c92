using MmuDsl.Html.Layout;
using MmuDsl.Html.Model;
using MmuDsl.Mmu;

namespace MmuDsl.Html.Building;

/// <summary>
/// The size of a page's box, from the text the page's script writes in it (report.js,
/// <c>nodeSvg</c>: keep the two in step): <c>NAME Ln [root] [zapped]</c>; then
/// <c>unsync_children=N</c> and <c>bitmap={...}</c>, or for level 1 <c>unsync</c>/<c>sync</c> and
/// <c>syncs=N</c>; then, if any, a line of leaf and large sptes. Monospace text of 11 px.
/// </summary>
internal static class PageBox
{
    /// <summary>Width of one character, in pixels (the script uses the same).</summary>
    public const double CharWidth = 6.7;

    /// <summary>Height of a line of text.</summary>
    public const double LineHeight = 14;

    public const double MinWidth = 80;

    public const double MaxWidth = 320;

    /// <summary>The widest line of <paramref name="view"/> of <paramref name="page"/>, in characters; and whether it has a leaves line.</summary>
    public static (int Width, bool Leaves) Measure(ReportPage page, PageView view)
    {
        int first = page.Name.Length + 3 + (page.Level >= 10 ? 1 : 0) + (page.IsRoot ? 5 : 0) + (view.Zapped ? 7 : 0);
        int second;
        int third;
        if (page.Level == 1)
        {
            second = view.Unsync ? 6 : 4;
            third = 6 + Digits(view.Syncs);
        }
        else
        {
            second = 16 + Digits(view.UnsyncChildren);
            third = 9 + Math.Max(0, view.Bitmap.SetBits().Sum(b => Digits(b) + 1) - 1);
        }

        int leaves = 0;
        foreach (var s in view.Sptes)
        {
            if (s.Kind is SpteKind.Leaf or SpteKind.Large)
            {
                leaves += Digits(s.Index) + 1;
            }
        }

        bool hasLeaves = leaves > 0;
        if (hasLeaves)
        {
            leaves += 12;
        }

        return (Math.Max(Math.Max(first, second), Math.Max(third, leaves)), hasLeaves);
    }

    /// <summary>The box of <paramref name="page"/>: its widest text, rounded up to 10 px (so that boxes of similar pages share layouts).</summary>
    public static LayoutBox Box(ReportPage page)
    {
        double width = Math.Clamp((page.TextWidth * CharWidth) + 16, MinWidth, MaxWidth);
        width = Math.Ceiling(width / 10) * 10;
        double height = ((page.HasLeaves ? 4 : 3) * LineHeight) + 10;
        return new LayoutBox(width, height, page.Level);
    }

    private static int Digits(int n) => n < 10 ? 1 : n < 100 ? 2 : n < 1000 ? 3 : n.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
}
