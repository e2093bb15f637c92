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
    private readonly Dictionary<int, int>[] _starts;
    private readonly HashSet<int> _stepTouched = [];
    private readonly List<int> _frameTouched = [];
    private readonly List<int> _delta = [];
    private int _frames;

    private ReportBuilder(ScenarioResult result, IReadOnlyList<StepRecorder> runs, HtmlReportOptions options)
    {
        _result = result;
        _runs = runs;
        _options = options;
        _deltas = runs.Select(_ => new List<int[]?>()).ToList();
        _starts = runs.Select(_ => new Dictionary<int, int>()).ToArray();
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
        for (int i = 0; i < steps.Count; i++)
        {
            BuildStep(steps[i]);
            if (_runs.Count > 1)
            {
                NoteFirstDifferences(steps[i], i);
            }
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
            Errors = Errors(files),
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

    // Hot: compiled optimized at once (no tier-0 code and instrumentation, a cost a one-shot run of a large scenario pays in full).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void BuildStep(ReportStep step)
    {
        step.FirstFrame = _frames;
        int subFrames = 0;
        foreach (var r in step.Records)
        {
            subFrames = Math.Max(subFrames, r?.SubSteps.Count ?? 0);
        }

        step.SubFrames = subFrames;
        _stepTouched.Clear();
        for (int j = 0; j < subFrames; j++)
        {
            _frameTouched.Clear();
            for (int a = 0; a < _runs.Count; a++)
            {
                var record = step.Records[a];
                if (record == null || j >= record.SubSteps.Count)
                {
                    _deltas[a].Add(null);
                    continue;
                }

                var sub = record.SubSteps[j];
                _delta.Clear();
                foreach (var (id, state) in sub.Pages)
                {
                    int gid = Gid(a, id);
                    _starts[a].TryAdd(gid, Current(a, gid));
                    Apply(a, gid, Intern(state), _delta);
                }

                _deltas[a].Add(_delta.Count == 0 ? null : [.. _delta]);
                Collect(a, sub, _delta, _frameTouched);
            }

            _stepTouched.UnionWith(_frameTouched);
            EndFrame(_frameTouched);
        }

        _frameTouched.Clear();
        for (int a = 0; a < _runs.Count; a++)
        {
            var record = step.Records[a];
            if (record == null)
            {
                _deltas[a].Add(null);
                continue;
            }

            _delta.Clear();
            var starts = _starts[a];
            foreach (var (id, state) in record.Changes)
            {
                int gid = Gid(a, id);
                starts.Remove(gid);
                Apply(a, gid, Intern(state), _delta);
                _frameTouched.Add(gid);
            }

            // A page a stage changed and the statement did not: back to its state before.
            foreach (var (gid, sid) in starts)
            {
                if (sid >= 0)
                {
                    Apply(a, gid, sid, _delta);
                    _stepTouched.Add(gid);
                }
            }

            starts.Clear();
            _deltas[a].Add(_delta.Count == 0 ? null : [.. _delta]);
            foreach (var b in record.Marked)
            {
                _frameTouched.Add(Gid(a, b.Page));
            }

            foreach (var b in record.Cleared)
            {
                _frameTouched.Add(Gid(a, b.Page));
            }

            _stats[a] = record.Stats;
        }

        _stepTouched.UnionWith(_frameTouched);
        step.Diff = Differences(_stepTouched);
        EndFrame(_frameTouched);
    }

    // The pages a stage is about: those it changed, the walk's visits and batch, its focus.
    private readonly HashSet<int> _seeds = [];

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
            _seeds.Clear();
            foreach (int gid in touched)
            {
                _seeds.Add(gid);
            }

            int count = _seeds.Count;
            var seeds = new List<int>(_seeds);
            foreach (int gid in _pageDiff.Keys)
            {
                if (seeds.Count - count >= MaxDifferingDrawn)
                {
                    break;
                }

                seeds.Add(gid);
            }

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

    private List<ReportError> Errors(List<(string Path, string Text)> files)
    {
        var list = new List<ReportError>();
        foreach (var e in _result.Errors)
        {
            int file = e.Span is { } span ? files.FindIndex(x => x.Path == span.Path) : -1;
            list.Add(file < 0 ? new ReportError(-1, 0, 0, e) : new ReportError(file, e.Line, e.Column, e));
        }

        return list;
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
