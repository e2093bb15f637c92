using System.Text;
using MmuDsl.Mmu;

namespace MmuDsl.Dsl.Output;

/// <summary>
/// Renders pages as a Graphviz digraph (<c>--format dot</c>), so a page table can be drawn with
/// <c>dot -Tsvg</c>. Unsync pages are filled, zapped ones dashed, stale bits (a set bit over a
/// not-present spte) drawn as red dotted edges to a "none" point.
/// </summary>
public static class DotPrinter
{
    /// <summary>The digraph of the given top pages and everything below them.</summary>
    public static string Render(string title, IEnumerable<ShadowPage> tops)
    {
        ArgumentNullException.ThrowIfNull(tops);
        var sb = new StringBuilder();
        sb.Append("digraph \"").Append(Escape(title)).Append("\" {\n");
        sb.Append("  rankdir=TB;\n  node [shape=box, fontname=\"monospace\"];\n");
        var seen = new HashSet<ShadowPage>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<ShadowPage>(tops.Reverse());
        var edges = new StringBuilder();
        while (stack.Count > 0)
        {
            var page = stack.Pop();
            if (!seen.Add(page))
            {
                continue;
            }

            sb.Append("  \"").Append(Escape(page.Name)).Append("\" [label=\"").Append(Escape(ShowPrinter.PageLine(page))).Append('"');
            if (page.Unsync)
            {
                sb.Append(", style=filled, fillcolor=\"#f4c7c3\"");
            }
            else if (page.Zapped)
            {
                sb.Append(", style=dashed");
            }

            sb.Append("];\n");
            var bitmap = page.UnsyncChildBitmap;
            for (int i = ShownIndexes.Next(page, bitmap, 0); i >= 0; i = ShownIndexes.Next(page, bitmap, i + 1))
            {
                var spte = page.SpteAt(i);
                bool bit = bitmap.IsSet(i);
                if (spte.Kind == SpteKind.Link)
                {
                    edges.Append("  \"").Append(Escape(page.Name)).Append("\" -> \"").Append(Escape(spte.Child!.Name))
                        .Append("\" [label=\"").Append(i).Append('"').Append(bit ? ", color=red, penwidth=2" : string.Empty).Append("];\n");
                    stack.Push(spte.Child);
                }
                else if (spte.Kind != SpteKind.None)
                {
                    string id = $"{page.Name}[{i}]";
                    sb.Append("  \"").Append(Escape(id)).Append("\" [shape=plaintext, label=\"").Append(spte.Kind == SpteKind.Large ? "large" : "leaf").Append("\"];\n");
                    edges.Append("  \"").Append(Escape(page.Name)).Append("\" -> \"").Append(Escape(id)).Append("\" [label=\"").Append(i).Append("\"];\n");
                }
                else if (bit)
                {
                    string id = $"{page.Name}[{i}]";
                    sb.Append("  \"").Append(Escape(id)).Append("\" [shape=point, color=red];\n");
                    edges.Append("  \"").Append(Escape(page.Name)).Append("\" -> \"").Append(Escape(id)).Append("\" [label=\"").Append(i).Append(" (stale)\", color=red, style=dotted];\n");
                }
            }
        }

        sb.Append(edges).Append("}\n");
        return sb.ToString();
    }

    private static string Escape(string s) => s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\l", StringComparison.Ordinal);
}
