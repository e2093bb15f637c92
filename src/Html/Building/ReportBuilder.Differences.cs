using System.Globalization;
using MmuDsl.Html.Model;
using MmuDsl.Mmu;

namespace MmuDsl.Html.Building;

/// <summary>What differs between the algorithms after each step, kept up to date page by page.</summary>
internal sealed partial class ReportBuilder
{
    private readonly Dictionary<int, DiffKinds> _pageDiff = [];
    private readonly int[] _kindCounts = new int[4];
    private readonly MmuStatsSnapshot[] _stats;
    private readonly List<(string Text, int Step, string Kind)> _firsts = [];
    private DiffKinds _seen;

    // Hot: compiled optimized at once (no tier-0 code and instrumentation, a cost a one-shot run of a large scenario pays in full).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private DiffKinds Differences(HashSet<int> touched)
    {
        foreach (int gid in touched)
        {
            var kinds = PageDifference(gid);
            var before = _pageDiff.GetValueOrDefault(gid);
            if (kinds == before)
            {
                continue;
            }

            Count(before, -1);
            Count(kinds, +1);
            if (kinds == DiffKinds.None)
            {
                _pageDiff.Remove(gid);
            }
            else
            {
                _pageDiff[gid] = kinds;
            }
        }

        var diff = DiffKinds.None;
        for (int k = 0; k < 4; k++)
        {
            if (_kindCounts[k] > 0)
            {
                diff |= (DiffKinds)(1 << k);
            }
        }

        if (_stats.Length > 1)
        {
            if (_stats.Any(s => s.Unsync != _stats[0].Unsync))
            {
                diff |= DiffKinds.Semantic;
            }

            if (_stats.Any(s => s.Walks != _stats[0].Walks || s.Visits != _stats[0].Visits))
            {
                diff |= DiffKinds.Work;
            }
        }

        return diff;
    }

    private void Count(DiffKinds kinds, int by)
    {
        for (int k = 0; k < 4; k++)
        {
            if ((kinds & (DiffKinds)(1 << k)) != 0)
            {
                _kindCounts[k] += by;
            }
        }
    }

    private DiffKinds PageDifference(int gid)
    {
        int first = Current(0, gid);
        var kinds = DiffKinds.None;
        for (int a = 1; a < _runs.Count; a++)
        {
            int other = Current(a, gid);
            if (other == first)
            {
                continue;
            }

            if (first < 0 || other < 0)
            {
                kinds |= DiffKinds.Structure;
                continue;
            }

            var x = _states[first];
            var y = _states[other];
            if (!x.SemanticEquals(y))
            {
                kinds |= DiffKinds.Semantic;
            }

            if (!x.MetadataEquals(y))
            {
                kinds |= DiffKinds.Metadata;
            }

            if (!x.Sptes.AsSpan().SequenceEqual(y.Sptes.AsSpan()))
            {
                kinds |= DiffKinds.Structure;
            }
        }

        return kinds;
    }

    // Where the algorithms first differ, in each way, and how they end: lines for the page's head.
    private List<(string Text, int Step, string Kind)> Summary(List<ReportStep> steps)
    {
        if (_runs.Count < 2)
        {
            return [];
        }

        var lines = new List<(string, int, string)>(_firsts);
        string names = string.Join(" against ", _runs.Select(r => r.Algorithm));
        foreach (var (kind, label) in new[] { (DiffKinds.Semantic, "semantic state (unsync pages, syncs per page, zapped pages, stat.unsync)"), (DiffKinds.Metadata, "metadata (every page's bitmap and unsync_children)"), (DiffKinds.Work, "work (stat.walks, stat.visits)") })
        {
            if ((_seen & kind) == 0)
            {
                lines.Add(($"{label}: never differs", -1, kind == DiffKinds.Semantic ? "same" : "note"));
            }
        }

        var last = steps.Count - 1;
        if (last >= 0)
        {
            var final = steps[last].Diff;
            string text = "final state (" + names + "): "
                + ((final & DiffKinds.Semantic) == 0 ? "the semantic states agree" : "the semantic states DIFFER")
                + ((final & DiffKinds.Metadata) == 0 ? "; the metadata agrees" : $"; the metadata differs in {_pageDiff.Count(p => (p.Value & DiffKinds.Metadata) != 0)} page(s)")
                + "; work: walks " + string.Join(" against ", _stats.Select(s => s.Walks.ToString(CultureInfo.InvariantCulture)))
                + ", visits " + string.Join(" against ", _stats.Select(s => s.Visits.ToString(CultureInfo.InvariantCulture)));
            lines.Add((text, last, (final & DiffKinds.Semantic) != 0 ? "semantic" : "note"));
        }

        return lines;
    }

    // The first step of each kind of difference, with what differs there, noted as the steps are
    // built (the builder keeps only the current states).
    private void NoteFirstDifferences(ReportStep step, int index)
    {
        var fresh = step.Diff & ~_seen & (DiffKinds.Semantic | DiffKinds.Metadata | DiffKinds.Work);
        foreach (var kind in new[] { DiffKinds.Semantic, DiffKinds.Metadata, DiffKinds.Work })
        {
            if ((fresh & kind) == 0)
            {
                continue;
            }

            _seen |= kind;
            string head = kind switch
            {
                DiffKinds.Semantic => "first semantic difference",
                DiffKinds.Metadata => "first metadata difference",
                _ => "first difference in work",
            };
            _firsts.Add(($"{head} after line {step.Span.Line}: {Describe(kind)}", index, kind.ToString().ToLowerInvariant()));
        }
    }

    private string Describe(DiffKinds kind)
    {
        if (kind == DiffKinds.Work)
        {
            return "stat.walks / stat.visits " + string.Join(" against ", _runs.Select((r, a) => $"{_stats[a].Walks} / {_stats[a].Visits} ({r.Algorithm})"));
        }

        var pages = new List<string>();
        foreach (int gid in _pageDiff.Where(p => (p.Value & kind) != 0).Select(p => p.Key).Order().Take(3))
        {
            var page = _pages[gid];
            pages.Add($"{page.Name}: " + string.Join(" against ", _runs.Select((r, a) =>
            {
                int sid = Current(a, gid);
                return $"{(sid < 0 ? "absent" : _states[sid].Describe(page.Level))} ({r.Algorithm})";
            })));
        }

        if (pages.Count == 0 && kind == DiffKinds.Semantic)
        {
            return "stat.unsync " + string.Join(" against ", _runs.Select((r, a) => $"{_stats[a].Unsync} ({r.Algorithm})"));
        }

        return string.Join("; ", pages);
    }
}
