using MmuDsl.Dsl.Scenarios;
using MmuDsl.Html.Layout;
using MmuDsl.Html.Model;
using MmuDsl.Html.Recording;

namespace MmuDsl.Html.Building;

/// <summary>
/// Turns a scenario's result and the recorders of its runs into a <see cref="ReportModel"/>:
/// lines the runs up statement by statement, numbers pages and states, works out each frame's
/// changes per algorithm, what differs after each step, and the layouts.
/// </summary>
internal sealed partial class ReportBuilder
{
    private readonly ScenarioResult _result;
    private readonly IReadOnlyList<StepRecorder> _runs;
    private readonly HtmlReportOptions _options;
    private readonly LayeredLayout _layout = new();
    private readonly List<List<int[]?>> _deltas;
    private int _frames;

    private ReportBuilder(ScenarioResult result, IReadOnlyList<StepRecorder> runs, HtmlReportOptions options)
    {
        _result = result;
        _runs = runs;
        _options = options;
        _deltas = runs.Select(_ => new List<int[]?>()).ToList();
        _current = runs.Select(_ => new List<int>()).ToList();
        _gidOf = runs.Select(_ => new List<int>()).ToList();
        _parents = runs.Select(_ => new List<List<int>?>()).ToList();
        _viewCurrent = runs.Select(_ => new List<int>()).ToList();
        _stats = new Mmu.MmuStatsSnapshot[runs.Count];
    }

    /// <summary>Builds the model of <paramref name="result"/>, whose runs <paramref name="runs"/> recorded (in the result's algorithm order).</summary>
    public static ReportModel Build(ScenarioResult result, IReadOnlyList<StepRecorder> runs, HtmlReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(options);
        return new ReportBuilder(result, runs, options).Build();
    }

    private ReportModel Build()
    {
        var steps = Timeline();
        _large = _runs.Count > 0 && _runs.Max(r => r.Pages.Count) > _options.DrawLimit;
        foreach (var step in steps)
        {
            BuildStep(step);
        }

        if (_large)
        {
            BuildViews();
        }

        for (int a = 0; a < _runs.Count; a++)
        {
            if (_runs[a].Pages.Count > 0)
            {
                Gid(a, _runs[a].Pages.Count - 1);
            }
        }

        var files = Files();
        var layouts = _large ? _viewLayouts : [FullLayout()];
        return new ReportModel
        {
            Title = _options.Title ?? _result.Path,
            Diff = _options.Diff,
            ExitCode = _result.ExitCode,
            Algorithms = _runs.Select(r => r.Algorithm).ToList(),
            Files = files,
            Errors = _result.Errors,
            Pages = _pages,
            PageNumbers = _gidOf,
            States = _states,
            Steps = steps,
            FrameCount = _frames,
            Deltas = _deltas,
            Failures = Failures(files),
            Summary = Summary(steps),
            InitialFrame = InitialFrame(steps),
            Large = _large,
            DrawLimit = _options.DrawLimit,
            Layouts = layouts,
            Views = _views,
            FrameViews = _frameViews,
            MsaglRuns = _layout.MsaglRuns,
        };
    }

    private void BuildStep(ReportStep step)
    {
        step.FirstFrame = _frames;
        step.SubFrames = step.Records.Max(r => r?.SubSteps.Count ?? 0);
        var touched = new HashSet<int>();
        var starts = _runs.Select(_ => new Dictionary<int, int>()).ToArray();
        for (int j = 0; j < step.SubFrames; j++)
        {
            var frameTouched = new List<int>();
            for (int a = 0; a < _runs.Count; a++)
            {
                var record = step.Records[a];
                if (record == null || j >= record.SubSteps.Count)
                {
                    _deltas[a].Add(null);
                    continue;
                }

                var sub = record.SubSteps[j];
                var delta = new List<int>();
                foreach (var (id, state) in sub.Pages)
                {
                    int gid = Gid(a, id);
                    starts[a].TryAdd(gid, Current(a, gid));
                    Apply(a, gid, Intern(state), delta);
                }

                _deltas[a].Add(delta.Count == 0 ? null : [.. delta]);
                Collect(a, sub, delta, frameTouched);
            }

            touched.UnionWith(frameTouched);
            EndFrame(frameTouched);
        }

        var finalTouched = new List<int>();
        for (int a = 0; a < _runs.Count; a++)
        {
            var record = step.Records[a];
            if (record == null)
            {
                _deltas[a].Add(null);
                continue;
            }

            var targets = new Dictionary<int, int>(starts[a]);
            foreach (var (id, state) in record.Changes)
            {
                targets[Gid(a, id)] = Intern(state);
            }

            var delta = new List<int>();
            foreach (var (gid, sid) in targets.OrderBy(t => t.Key))
            {
                Apply(a, gid, sid, delta);
            }

            _deltas[a].Add(delta.Count == 0 ? null : [.. delta]);
            foreach (var (id, _) in record.Changes)
            {
                finalTouched.Add(Gid(a, id));
            }

            foreach (var b in record.Marked.Concat(record.Cleared))
            {
                finalTouched.Add(Gid(a, b.Page));
            }

            _stats[a] = record.Stats;
        }

        touched.UnionWith(finalTouched);
        touched.UnionWith(starts.SelectMany(s => s.Keys));
        step.Diff = Differences(touched);
        EndFrame(finalTouched);
    }

    // The pages a stage is about: those it changed, the walk's visits and batch, its focus.
    private void Collect(int a, RecordedSubStep sub, List<int> delta, List<int> into)
    {
        for (int i = 0; i < delta.Count; i += 3)
        {
            into.Add(delta[i]);
        }

        if (sub.Focus >= 0)
        {
            into.Add(Gid(a, sub.Focus));
        }

        foreach (var e in sub.Batch)
        {
            into.Add(Gid(a, e.Page));
        }

        foreach (var v in sub.Visits)
        {
            into.Add(Gid(a, v.Page));
        }
    }

    // Large scenarios: what each frame is about is kept for its view, made once every page's
    // box is known (BuildViews).
    private void EndFrame(List<int> touched)
    {
        _frames++;
        if (_large)
        {
            var seeds = touched.Distinct().ToList();
            int count = seeds.Count;
            seeds.AddRange(_pageDiff.Keys.Take(MaxDifferingDrawn));
            _frameSeeds.Add((seeds.ToArray(), count));
        }
    }

    private int InitialFrame(List<ReportStep> steps)
    {
        if (!_options.Diff)
        {
            return 0;
        }

        var first = steps.FirstOrDefault(s => (s.Diff & (DiffKinds.Semantic | DiffKinds.Metadata | DiffKinds.Structure)) != 0);
        return first == null ? 0 : first.FirstFrame + first.SubFrames;
    }

    private List<(string Path, string Text)> Files()
    {
        var files = new List<(string, string)>();
        if (_result.Sources.TryGetValue(_result.Path, out var main))
        {
            files.Add((_result.Path, main));
        }

        foreach (var (path, text) in _result.Sources)
        {
            if (path != _result.Path)
            {
                files.Add((path, text));
            }
        }

        return files;
    }

    private List<ReportFailure> Failures(List<(string Path, string Text)> files)
    {
        var list = new List<ReportFailure>();
        foreach (var f in _result.Failures)
        {
            int file = files.FindIndex(x => x.Path == f.Span.Path);
            list.Add(new ReportFailure(file, f.Span.Line, f.Span.Column, f));
        }

        return list;
    }
}
