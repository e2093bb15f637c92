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
    private readonly Dictionary<int[], int> _viewIds = new(IntArrayComparer.Instance);
    private readonly List<PlacedGraph> _viewLayouts = [];
    private readonly Dictionary<int[], int> _layoutIds = new(IntArrayComparer.Instance);
    private readonly HashSet<int> _drawn = [];
    private readonly Queue<int> _queue = new();
    private readonly Dictionary<int, int> _local = [];
    private readonly HashSet<(int, int)> _edges = [];
    private readonly List<int> _frameViews = [];

    private readonly List<(int[] Seeds, int Touched)> _frameSeeds = [];

    // Replaying the frames: per algorithm, each page's state and the pages whose sptes link to it
    // (one entry per link).
    private readonly List<List<int>> _viewCurrent;
    private readonly List<List<List<int>?>> _parents;
    private bool _large;

    // Hot: compiled optimized at once (no tier-0 code and instrumentation, a cost a one-shot run of a large scenario pays in full).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
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

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private int ViewOf(int[] seeds, int touched)
    {
        int limit = _options.MaxDrawnPerFrame;
        var drawn = _drawn;
        var queue = _queue;
        drawn.Clear();
        queue.Clear();
        foreach (int gid in seeds)
        {
            if (drawn.Count < limit && drawn.Add(gid))
            {
                queue.Enqueue(gid);
            }
        }

        if (drawn.Count == 0)
        {
            return _frameViews.Count > 0 ? _frameViews[^1] : -1;
        }

        while (queue.Count > 0 && drawn.Count < limit)
        {
            int gid = queue.Dequeue();
            foreach (var parents in _parents)
            {
                if (gid < parents.Count && parents[gid] is { } list)
                {
                    foreach (int p in list)
                    {
                        if (drawn.Count < limit && drawn.Add(p))
                        {
                            queue.Enqueue(p);
                        }
                    }
                }
            }
        }

        var pages = new int[drawn.Count];
        drawn.CopyTo(pages);
        Array.Sort(pages);
        if (_viewIds.TryGetValue(pages, out int existing) && _views[existing].Touched == touched)
        {
            return existing;
        }

        var view = new ReportView(LayoutOf(pages), pages, touched);
        _views.Add(view);
        _viewIds[pages] = _views.Count - 1;
        return _views.Count - 1;
    }

    // A view's layout, shared by every view of the same shape: levels, box sizes and edges.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private int LayoutOf(int[] pages)
    {
        var local = _local;
        local.Clear();
        for (int i = 0; i < pages.Length; i++)
        {
            local[pages[i]] = i;
        }

        var edges = _edges;
        edges.Clear();
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

        var key = new int[(pages.Length * 3) + (edges.Count * 2) + 1];
        int k = 0;
        foreach (int gid in pages)
        {
            var box = PageBox.Box(_pages[gid]);
            key[k++] = box.Level;
            key[k++] = (int)box.Width;
            key[k++] = (int)box.Height;
        }

        key[k++] = -1;
        var sorted = new List<(int, int)>(edges);
        sorted.Sort();
        foreach (var (from, to) in sorted)
        {
            key[k++] = from;
            key[k++] = to;
        }

        if (_layoutIds.TryGetValue(key, out int id))
        {
            return id;
        }

        var boxes = pages.Select(g => PageBox.Box(_pages[g])).ToList();
        _viewLayouts.Add(_layout.Place(boxes, sorted));
        _layoutIds[key] = _viewLayouts.Count - 1;
        return _viewLayouts.Count - 1;
    }
}
