using System.Collections.Immutable;
using MmuDsl.Html.Layout;
using MmuDsl.Html.Model;
using MmuDsl.Mmu;

namespace MmuDsl.Html.Building;

/// <summary>Pages and states: numbering them, applying a frame's changes, the whole graph's layout.</summary>
internal sealed partial class ReportBuilder
{
    private readonly List<ReportPage> _pages = [];
    private readonly Dictionary<string, int> _pageIds = new(StringComparer.Ordinal);
    private readonly List<PageView> _states = [];
    private readonly Dictionary<PageView, int> _stateIds = [];
    private readonly Dictionary<ImmutableArray<(int Index, SpteKind Kind, string? Child)>, ImmutableArray<SpteView>> _spteViews = [];
    private readonly HashSet<(int Page, int State)> _seenPairs = [];
    private readonly HashSet<(int From, int To)> _unionEdges = [];

    // Per algorithm: each page's current state (-1: not made), and the report page of each engine id.
    private readonly List<List<int>> _current;
    private readonly List<List<int>> _gidOf;

    private int Gid(int algorithm, int engineId)
    {
        var map = _gidOf[algorithm];
        while (map.Count <= engineId)
        {
            var info = _runs[algorithm].Pages[map.Count];
            map.Add(PageId(info.Name, info.Level, info.IsRoot));
        }

        return map[engineId];
    }

    private int PageId(string name, int level, bool isRoot)
    {
        if (_pageIds.TryGetValue(name, out int id))
        {
            return id;
        }

        id = _pages.Count;
        _pages.Add(new ReportPage(name, level, isRoot));
        _pageIds[name] = id;
        return id;
    }

    private int Current(int algorithm, int gid)
    {
        var list = _current[algorithm];
        return gid < list.Count ? list[gid] : -1;
    }

    // Hot: compiled optimized at once (no tier-0 code and instrumentation, a cost a one-shot run of a large scenario pays in full).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private int Intern(PageState state)
    {
        if (!_spteViews.TryGetValue(state.Sptes, out var sptes))
        {
            sptes = state.Sptes.Select(s => new SpteView(s.Index, s.Kind, s.Child == null ? -1 : ChildId(s.Child))).ToImmutableArray();
            _spteViews[state.Sptes] = sptes;
        }

        var view = new PageView(state.Unsync, state.Zapped, state.Syncs, state.UnsyncChildren, state.Bitmap, sptes);
        if (!_stateIds.TryGetValue(view, out int id))
        {
            id = _states.Count;
            _states.Add(view);
            _stateIds[view] = id;
        }

        return id;
    }

    // A child is linked after it was made, under the same name in every run: it has a number.
    private int ChildId(string name) => _pageIds.TryGetValue(name, out int id) ? id : PageId(name, 0, false);

    /// <summary>Sets a page's state under one algorithm, noting (page, new, previous) in <paramref name="delta"/> if it changed.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void Apply(int algorithm, int gid, int state, List<int> delta)
    {
        var list = _current[algorithm];
        while (list.Count <= gid)
        {
            list.Add(-1);
        }

        int previous = list[gid];
        if (previous == state)
        {
            return;
        }

        list[gid] = state;
        delta.Add(gid);
        delta.Add(state);
        delta.Add(previous);
        if (state >= 0 && _seenPairs.Add((gid, state)))
        {
            var page = _pages[gid];
            var view = _states[state];
            var (width, leaves) = PageBox.Measure(page, view);
            page.TextWidth = Math.Max(page.TextWidth, width);
            page.HasLeaves |= leaves;
            if (!_large)
            {
                foreach (var s in view.Sptes)
                {
                    if (s.Kind == SpteKind.Link)
                    {
                        _unionEdges.Add((gid, s.Child));
                    }
                }
            }
        }
    }

    // The whole graph: every page, an edge for every link any state of any run had.
    private PlacedGraph FullLayout()
    {
        var boxes = _pages.Select(PageBox.Box).ToList();
        return _layout.Place(boxes, _unionEdges);
    }
}
