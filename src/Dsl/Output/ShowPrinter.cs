using System.Text;
using MmuDsl.Mmu;

namespace MmuDsl.Dsl.Output;

/// <summary>
/// Renders pages in the <c>show</c> format (docs/language.md#the-show-format): one line per page,
/// children indented two spaces, sptes ascending as <c>[idx] </c> + the child's line, <c>leaf</c>
/// or <c>large</c>; a set bitmap bit over a not-present spte as <c>[idx] none</c>; a page printed
/// before in the same <c>show</c> gets <c> (shared)</c> and is not expanded again.
/// </summary>
public static class ShowPrinter
{
    /// <summary><c>show</c>: every root in creation order, zapped roots included.</summary>
    public static void ShowAll(ShadowMmu mmu, StringBuilder output)
    {
        ArgumentNullException.ThrowIfNull(mmu);
        var printed = new HashSet<ShadowPage>(ReferenceEqualityComparer.Instance);
        foreach (var page in mmu.Pages)
        {
            if (page.IsRoot)
            {
                Show(page, 0, printed, output);
            }
        }
    }

    /// <summary><c>show P</c>: P's subtree.</summary>
    public static void ShowPage(ShadowPage page, StringBuilder output)
    {
        var printed = new HashSet<ShadowPage>(ReferenceEqualityComparer.Instance);
        Show(page, 0, printed, output);
    }

    /// <summary>A page's own line: <c>NAME L&lt;level&gt;</c> [root] [zapped] then unsync/sync or the metadata.</summary>
    public static string PageLine(ShadowPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var sb = new StringBuilder();
        AppendPageLine(page, sb);
        return sb.ToString();
    }

    private static void AppendPageLine(ShadowPage page, StringBuilder sb)
    {
        sb.Append(page.Name).Append(" L").Append(page.Level);
        if (page.IsRoot)
        {
            sb.Append(" root");
        }

        if (page.Zapped)
        {
            sb.Append(" zapped");
        }

        if (page.Level == 1)
        {
            sb.Append(page.Unsync ? " unsync" : " sync");
        }
        else
        {
            sb.Append(" unsync_children=").Append(page.UnsyncChildren).Append(" bitmap=").Append(page.UnsyncChildBitmap.ToString());
        }
    }

    // Depth is bounded by the level (at most 5), so recursion is safe.
    private static void Show(ShadowPage page, int depth, HashSet<ShadowPage> printed, StringBuilder sb)
    {
        AppendPageLine(page, sb);
        if (!printed.Add(page))
        {
            sb.Append(" (shared)\n");
            return;
        }

        sb.Append('\n');
        var bitmap = page.UnsyncChildBitmap;
        int i = ShownIndexes.Next(page, bitmap, 0);
        while (i >= 0)
        {
            sb.Append(' ', (depth + 1) * 2).Append('[').Append(i).Append("] ");
            var spte = page.SpteAt(i);
            switch (spte.Kind)
            {
                case SpteKind.Link:
                    Show(spte.Child!, depth + 1, printed, sb);
                    break;
                case SpteKind.Leaf:
                    sb.Append("leaf\n");
                    break;
                case SpteKind.Large:
                    sb.Append("large\n");
                    break;
                default:
                    sb.Append("none\n");
                    break;
            }

            i = ShownIndexes.Next(page, bitmap, i + 1);
        }
    }
}
