using System.Globalization;
using System.Text;
using Microsoft.Msagl.Core.Geometry;
using Microsoft.Msagl.Core.Geometry.Curves;
using Microsoft.Msagl.Core.Layout;
using Microsoft.Msagl.Core.Routing;
using Microsoft.Msagl.Layout.Layered;
using Microsoft.Msagl.Miscellaneous;

namespace MmuDsl.Html.Layout;

/// <summary>
/// Lays a page graph out in layers, one per level, the roots' level on top: each connected
/// component by MSAGL's layered (Sugiyama) layout, which orders the pages of a layer so that few
/// edges cross; then the components side by side, in rows. Every edge of a page table joins two
/// adjacent levels, so MSAGL's layers are the levels; y comes from the level itself, so that a
/// level is one row across components, and a sweep per level keeps boxes from overlapping.
/// Components of the same shape (levels, box sizes, edges) are laid out once: a report of a
/// large scenario asks for many small drawings that repeat.
/// </summary>
internal sealed class LayeredLayout
{
    /// <summary>Space between two boxes of one level, and between components.</summary>
    public const double NodeGap = 18;

    /// <summary>Space between two levels.</summary>
    public const double LevelGap = 54;

    /// <summary>The margin around the drawing.</summary>
    public const double Margin = 16;

    private const double RowWidth = 1400;
    private readonly Dictionary<string, ComponentPlacement> _cache = new(StringComparer.Ordinal);

    /// <summary>How many components MSAGL laid out (the rest came from the cache).</summary>
    public int MsaglRuns { get; private set; }

    /// <summary>Places <paramref name="nodes"/>; <paramref name="edges"/> join parent to child, by node number.</summary>
    public PlacedGraph Place(IReadOnlyList<LayoutBox> nodes, IReadOnlyCollection<(int From, int To)> edges)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(edges);
        int n = nodes.Count;
        var x = new double[n];
        var y = new double[n];
        if (n == 0)
        {
            return new PlacedGraph(x, y, 2 * Margin, 2 * Margin);
        }

        double levelHeight = nodes.Max(b => b.Height) + LevelGap;
        var components = GraphComponents.Of(n, edges);
        var rows = new List<List<(int[] Members, ComponentPlacement Placement)>> { new() };
        double rowWidth = 0;
        foreach (var (members, localEdges) in components)
        {
            var placement = PlaceComponent(nodes, members, localEdges);
            if (rows[^1].Count > 0 && rowWidth + NodeGap * 2 + placement.Width > RowWidth)
            {
                rows.Add([]);
                rowWidth = 0;
            }

            rowWidth += (rows[^1].Count > 0 ? NodeGap * 2 : 0) + placement.Width;
            rows[^1].Add((members, placement));
        }

        double top = Margin;
        double width = 0;
        foreach (var row in rows)
        {
            int maxLevel = row.Max(c => c.Placement.MaxLevel);
            int minLevel = row.Min(c => c.Placement.MinLevel);
            double left = Margin;
            foreach (var (members, placement) in row)
            {
                for (int i = 0; i < members.Length; i++)
                {
                    int node = members[i];
                    x[node] = left + placement.X[i];
                    y[node] = top + ((maxLevel - nodes[node].Level) * levelHeight) + (levelHeight - LevelGap) / 2;
                }

                left += placement.Width + NodeGap * 2;
            }

            width = Math.Max(width, left - NodeGap * 2 + Margin);
            top += (maxLevel - minLevel + 1) * levelHeight;
        }

        return new PlacedGraph(x, y, width, top - LevelGap + Margin);
    }

    private ComponentPlacement PlaceComponent(IReadOnlyList<LayoutBox> nodes, int[] members, List<(int From, int To)> edges)
    {
        string key = Key(nodes, members, edges);
        if (_cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var x = new double[members.Length];
        if (members.Length > 1)
        {
            MsaglRuns++;
            var graph = new GeometryGraph();
            var msaglNodes = new Node[members.Length];
            for (int i = 0; i < members.Length; i++)
            {
                var box = nodes[members[i]];
                msaglNodes[i] = new Node(CurveFactory.CreateRectangle(box.Width, box.Height, new Point()), i);
                graph.Nodes.Add(msaglNodes[i]);
            }

            foreach (var (from, to) in edges)
            {
                graph.Edges.Add(new Edge(msaglNodes[from], msaglNodes[to]));
            }

            var settings = new SugiyamaLayoutSettings { NodeSeparation = NodeGap, LayerSeparation = LevelGap };

            // The roots (the component's top level) stay in the order they were made.
            int top = members.Max(m => nodes[m].Level);
            var roots = Enumerable.Range(0, members.Length).Where(i => nodes[members[i]].Level == top).ToList();
            for (int r = 1; r < roots.Count; r++)
            {
                settings.AddLeftRightConstraint(msaglNodes[roots[r - 1]], msaglNodes[roots[r]]);
            }

            settings.EdgeRoutingSettings.EdgeRoutingMode = EdgeRoutingMode.None;
            LayoutHelpers.CalculateLayout(graph, settings, null);
            for (int i = 0; i < members.Length; i++)
            {
                x[i] = msaglNodes[i].Center.X;
            }
        }

        var placement = Normalize(nodes, members, x);
        _cache[key] = placement;
        return placement;
    }

    // Left to right per level, each box at least NodeGap from the previous one; then x from 0.
    private static ComponentPlacement Normalize(IReadOnlyList<LayoutBox> nodes, int[] members, double[] x)
    {
        foreach (var level in Enumerable.Range(0, members.Length).GroupBy(i => nodes[members[i]].Level))
        {
            double right = double.NegativeInfinity;
            foreach (int i in level.OrderBy(i => x[i]).ThenBy(i => i))
            {
                double half = nodes[members[i]].Width / 2;
                if (x[i] - half < right + NodeGap)
                {
                    x[i] = right + NodeGap + half;
                }

                right = x[i] + half;
            }
        }

        double left = double.PositiveInfinity;
        double rightmost = double.NegativeInfinity;
        for (int i = 0; i < members.Length; i++)
        {
            double half = nodes[members[i]].Width / 2;
            left = Math.Min(left, x[i] - half);
            rightmost = Math.Max(rightmost, x[i] + half);
        }

        for (int i = 0; i < members.Length; i++)
        {
            x[i] -= left;
        }

        var levels = members.Select(m => nodes[m].Level).ToList();
        return new ComponentPlacement(x, rightmost - left, levels.Min(), levels.Max());
    }

    private static string Key(IReadOnlyList<LayoutBox> nodes, int[] members, List<(int From, int To)> edges)
    {
        var sb = new StringBuilder();
        foreach (int m in members)
        {
            var b = nodes[m];
            sb.Append(b.Level).Append(',').Append(b.Width.ToString(CultureInfo.InvariantCulture)).Append(',').Append(b.Height.ToString(CultureInfo.InvariantCulture)).Append(';');
        }

        sb.Append('|');
        foreach (var (from, to) in edges)
        {
            sb.Append(from).Append('>').Append(to).Append(';');
        }

        return sb.ToString();
    }
}
