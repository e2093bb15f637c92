using MmuDsl.Html.Layout;
using MmuDsl.Html.Model;
using MmuDsl.Mmu;

namespace MmuDsl.Html.Building;

/// <summary>
/// Large scenarios (more pages than the draw limit): each frame draws the pages it touched, a few
/// of the pages where the algorithms differ, and their paths up to the roots, under every
/// algorithm; each distinct set of pages gets its own layout (the same shape shares one).
/// </summary>
internal sealed partial class ReportBuilder
{
    private const int MaxDifferingDrawn = 12;
    private readonly List<ReportView> _views = [];
    private readonly Dictionary<string, int> _viewIds = new(StringComparer.Ordinal);
    private readonly List<PlacedGraph> _viewLayouts = [];
    private readonly Dictionary<string, int> _layoutIds = new(StringComparer.Ordinal);
    private readonly List<int> _frameViews = [];

    private readonly List<(int[] Seeds, int Touched)> _frameSeeds = [];

    // Replaying the frames: per algorithm, each page's state and the pages whose sptes link to it
    // (one entry per link).
    private readonly List<List<int>> _viewCurrent;
    private readonly List<List<List<int>?>> _parents;
    private bool _large;

    private void BuildViews()
    {
        for (int f = 0; f < _frames; f++)
        {
            for (int a = 0; a < _runs.Count; a++)
            {
                var delta = _deltas[a][f];
                for (int i = 0; delta != null && i < delta.Length; i += 3)
                {
                    int gid = delta[i];
                    var current = _viewCurrent[a];
                    while (current.Count <= gid)
                    {
                        current.Add(-1);
                    }

                    current[gid] = delta[i + 1];
                    UpdateParents(a, gid, delta[i + 2] < 0 ? null : _states[delta[i + 2]], _states[delta[i + 1]]);
                }
            }

            _frameViews.Add(ViewOf(_frameSeeds[f].Seeds, _frameSeeds[f].Touched));
        }
    }

    private void UpdateParents(int algorithm, int gid, PageView? before, PageView after)
    {
        if (before != null && before.Sptes == after.Sptes)
        {
            return;
        }

        var parents = _parents[algorithm];
        if (before != null)
        {
            foreach (var s in before.Sptes)
            {
                if (s.Kind == SpteKind.Link && s.Child < parents.Count)
                {
                    parents[s.Child]?.Remove(gid);
                }
            }
        }

        foreach (var s in after.Sptes)
        {
            if (s.Kind == SpteKind.Link)
            {
                while (parents.Count <= s.Child)
                {
                    parents.Add(null);
                }

                (parents[s.Child] ??= []).Add(gid);
            }
        }
    }

    private int ViewOf(int[] seeds, int touched)
    {
        int limit = _options.MaxDrawnPerFrame;
        var drawn = new HashSet<int>();
        var queue = new Queue<int>();
        void Add(int gid)
        {
            if (drawn.Count < limit && drawn.Add(gid))
            {
                queue.Enqueue(gid);
            }
        }

        foreach (int gid in seeds)
        {
            Add(gid);
        }

        int distinctTouched = touched;

        if (drawn.Count == 0)
        {
            return _frameViews.Count > 0 ? _frameViews[^1] : -1;
        }

        while (queue.Count > 0)
        {
            int gid = queue.Dequeue();
            foreach (var parents in _parents)
            {
                if (gid < parents.Count && parents[gid] is { } list)
                {
                    foreach (int p in list)
                    {
                        Add(p);
                    }
                }
            }
        }

        var pages = drawn.Order().ToArray();
        string key = string.Join(",", pages);
        if (_viewIds.TryGetValue(key, out int existing) && _views[existing].Touched == distinctTouched)
        {
            return existing;
        }

        var view = new ReportView(LayoutOf(pages), pages, distinctTouched);
        _views.Add(view);
        _viewIds[key] = _views.Count - 1;
        return _views.Count - 1;
    }

    private int LayoutOf(int[] pages)
    {
        var local = new Dictionary<int, int>();
        for (int i = 0; i < pages.Length; i++)
        {
            local[pages[i]] = i;
        }

        var edges = new HashSet<(int, int)>();
        for (int a = 0; a < _runs.Count; a++)
        {
            foreach (int gid in pages)
            {
                int sid = gid < _viewCurrent[a].Count ? _viewCurrent[a][gid] : -1;
                if (sid < 0)
                {
                    continue;
                }

                foreach (var s in _states[sid].Sptes)
                {
                    if (s.Kind == SpteKind.Link && local.TryGetValue(s.Child, out int child))
                    {
                        edges.Add((local[gid], child));
                    }
                }
            }
        }

        var boxes = pages.Select(g => PageBox.Box(_pages[g])).ToList();
        string key = string.Join(";", boxes.Select(b => $"{b.Level},{b.Width},{b.Height}")) + "|" + string.Join(";", edges.Order().Select(e => $"{e.Item1}>{e.Item2}"));
        if (_layoutIds.TryGetValue(key, out int id))
        {
            return id;
        }

        _viewLayouts.Add(_layout.Place(boxes, edges));
        _layoutIds[key] = _viewLayouts.Count - 1;
        return _viewLayouts.Count - 1;
    }
}
