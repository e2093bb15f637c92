namespace MmuDsl.Html.Layout;

/// <summary>The weakly connected components of a graph given by node count and edges.</summary>
internal static class GraphComponents
{
    // Weakly connected components, each with its members in ascending order and its edges
    // (distinct, by local number, sorted), the components in order of their smallest member.
    public static List<(int[] Members, List<(int From, int To)> Edges)> Of(int n, IReadOnlyCollection<(int From, int To)> edges)
    {
        var parent = new int[n];
        for (int i = 0; i < n; i++)
        {
            parent[i] = i;
        }

        int Find(int i)
        {
            while (parent[i] != i)
            {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }

            return i;
        }

        foreach (var (from, to) in edges)
        {
            int a = Find(from);
            int b = Find(to);
            if (a != b)
            {
                parent[Math.Max(a, b)] = Math.Min(a, b);
            }
        }

        var byRoot = new Dictionary<int, List<int>>();
        var order = new List<int>();
        for (int i = 0; i < n; i++)
        {
            int r = Find(i);
            if (!byRoot.TryGetValue(r, out var list))
            {
                list = [];
                byRoot[r] = list;
                order.Add(r);
            }

            list.Add(i);
        }

        var local = new int[n];
        foreach (var members in byRoot.Values)
        {
            for (int i = 0; i < members.Count; i++)
            {
                local[members[i]] = i;
            }
        }

        var edgesByRoot = new Dictionary<int, HashSet<(int, int)>>();
        foreach (var (from, to) in edges)
        {
            int r = Find(from);
            if (!edgesByRoot.TryGetValue(r, out var set))
            {
                set = [];
                edgesByRoot[r] = set;
            }

            set.Add((local[from], local[to]));
        }

        return order.Select(r => (
            byRoot[r].ToArray(),
            edgesByRoot.TryGetValue(r, out var set) ? set.Order().ToList() : new List<(int, int)>())).ToList();
    }
}
