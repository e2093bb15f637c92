using System.Collections.Immutable;
using MmuDsl.Dsl.Runtime;
using MmuDsl.Dsl.Syntax;
using MmuDsl.Mmu;
using MmuDsl.Mmu.Events;

namespace MmuDsl.Html.Recording;

/// <summary>
/// Records one run (one algorithm) statement by statement, from the engine's events, without a
/// snapshot of the whole engine per statement: a statement's changes are the states of the pages
/// its events named (and of the pages it made), read from the engine when it ends. Inside a sync
/// or zap loop, each stage (a walk, the sync of a leaf, a bottom-up clearing, a zap) is recorded
/// with the state of the pages it changed, read when each event arrives: the engine emits an
/// event right after its change, and holds back what a walk cleared until the walk's own event,
/// so that a walk and its clearings are one stage. An event of a type this class does not know
/// makes the statement compare every page instead (exact, only slower).
/// Read this when the engine gains an event: name its pages in <see cref="OnEvent"/>;
/// RecorderTests.StatementChanges_EqualSnapshots_ForEveryShippedScenario pins the whole.
/// </summary>
internal sealed partial class StepRecorder(string algorithm) : IRunWatcher
{
    /// <summary>Stages kept per statement; a longer loop says how many were left out.</summary>
    public const int MaxSubSteps = 1000;

    /// <summary>Visits kept per walk.</summary>
    public const int MaxVisits = 2048;

    private const int MaxTextLength = 600;

    private readonly HashSet<ShadowPage> _touched = new(ReferenceEqualityComparer.Instance);
    private readonly List<ShadowPage> _order = [];
    private readonly Dictionary<ShadowPage, ImmutableArray<(int Index, SpteKind Kind, string? Child)>> _sptes = new(ReferenceEqualityComparer.Instance);
    private readonly List<PageState?> _last = [];
    private readonly List<BitChange> _marked = [];
    private readonly List<BitChange> _cleared = [];
    private readonly List<RecordedSubStep> _subSteps = [];
    private readonly List<string> _outcomes = [];
    private RecordedSubStep? _open;
    private bool _stepping;
    private int _syncDepth;
    private readonly Stack<int> _yields = new();
    private int _yieldMark;
    private bool _unknownEvent;
    private int _dropped;
    private int _outputSeen;
    private int _failuresSeen;
    private int _warningsSeen;

    /// <summary>The algorithm's name.</summary>
    public string Algorithm { get; } = algorithm;

    /// <summary>Every page made so far, by engine id.</summary>
    public List<PageInfo> Pages { get; } = [];

    /// <summary>Every statement recorded, in order of execution.</summary>
    public List<RecordedStatement> Statements { get; } = [];

    /// <inheritdoc/>
    // Hot: compiled optimized at once (no tier-0 code and instrumentation, a cost a one-shot run of a large scenario pays in full).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void OnStatement(Statement statement, AlgorithmRun run, bool completed)
    {
        ArgumentNullException.ThrowIfNull(statement);
        ArgumentNullException.ThrowIfNull(run);
        var engine = run.Engine;
        for (int id = Pages.Count; id < engine.Pages.Count; id++)
        {
            var page = engine.Pages[id];
            Pages.Add(new PageInfo(page.Name, page.Level, page.IsRoot, page.Gfn));
            _last.Add(null);
            _touched.Add(page);
        }

        // A statement of a yield-after block ends while the sync that yielded is still running:
        // it is a stage of that sync, with the state of every page touched so far (its output
        // and failures go with the sync's step, which is recorded when the sync ends).
        while (_yields.Count > 0 && _syncDepth < _yields.Peek())
        {
            _yields.Pop();
        }

        if (_yields.Count > 0)
        {
            AtYield(statement);
            return;
        }

        if (_unknownEvent)
        {
            _sptes.Clear();
            foreach (var page in engine.Pages)
            {
                _touched.Add(page);
            }
        }

        var record = new RecordedStatement(statement, completed) { Stats = engine.Stats.Snapshot(), DroppedSubSteps = _dropped };
        if (_touched.Count > 0)
        {
            _order.Clear();
            _order.AddRange(_touched);
            if (_order.Count > 1)
            {
                _order.Sort(static (x, y) => x.Id.CompareTo(y.Id));
            }

            foreach (var page in _order)
            {
                if (!Unchanged(page))
                {
                    var state = StateOf(page);
                    _last[page.Id] = state;
                    record.AddChange(page.Id, state);
                }
            }
        }

        record.AddSubSteps(_subSteps);
        record.AddMarked(_marked);
        record.AddCleared(_cleared);
        record.AddOutcomes(_outcomes);
        for (; _outputSeen < run.Output.Count; _outputSeen++)
        {
            var chunk = run.Output[_outputSeen];
            if (chunk.Statement != null)
            {
                record.AddOutput(chunk.Text);
            }
        }

        for (; _failuresSeen < run.Failures.Count; _failuresSeen++)
        {
            record.AddFailure(run.Failures[_failuresSeen]);
        }

        for (; _warningsSeen < engine.Warnings.Count; _warningsSeen++)
        {
            record.AddWarning(engine.Warnings[_warningsSeen]);
        }

        Fold(record);
        _touched.Clear();
        _subSteps.Clear();
        _marked.Clear();
        _cleared.Clear();
        _outcomes.Clear();
        _open = null;
        _stepping = false;
        _unknownEvent = false;
        _dropped = 0;
        _yieldMark = 0;
    }

    // True when the page's state is the one last recorded: the same fields, and the same sptes
    // (read again only after an spte event named the page, so the same array when unchanged).
    private bool Unchanged(ShadowPage page)
    {
        var last = _last[page.Id];
        if (last == null || last.Unsync != page.Unsync || last.Zapped != page.Zapped || last.Syncs != page.Syncs
            || last.UnsyncChildren != page.UnsyncChildren || last.Bitmap != page.UnsyncChildBitmap)
        {
            return false;
        }

        return _sptes.TryGetValue(page, out var sptes) && (sptes == last.Sptes || sptes.AsSpan().SequenceEqual(last.Sptes.AsSpan()));
    }

    /// <summary>A page's state now, its sptes read again only after an spte event named it.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal PageState StateOf(ShadowPage page)
    {
        if (!_sptes.TryGetValue(page, out var sptes))
        {
            var builder = ImmutableArray.CreateBuilder<(int Index, SpteKind Kind, string? Child)>(page.PresentCount);
            for (int i = page.NextPresentIndex(0); i >= 0; i = page.NextPresentIndex(i + 1))
            {
                var spte = page.SpteAt(i);
                builder.Add((i, spte.Kind, spte.Child?.Name));
            }

            sptes = builder.MoveToImmutable();
            _sptes[page] = sptes;
        }

        return new PageState(page.Name, page.Level, page.Unsync, page.Zapped, page.Syncs, page.UnsyncChildren, page.UnsyncChildBitmap, sptes);
    }

    // The stages a statement of a yield-after block made (an unlink's drop_parent_pte, say)
    // become one, named after the statement; then every page touched so far is captured.
    private void AtYield(Statement statement)
    {
        string text = "at the yield: " + SyntaxPrinter.Print(statement).Trim();
        if (_subSteps.Count > _yieldMark)
        {
            var merged = new RecordedSubStep(SubStepKind.Other, text, _subSteps[_yieldMark].Focus);
            foreach (var stage in _subSteps.Skip(_yieldMark))
            {
                merged.Notes.Add(stage.Text);
                merged.Notes.AddRange(stage.Notes);
                merged.Cleared.AddRange(stage.Cleared);
                foreach (var (id, state) in stage.Pages)
                {
                    merged.Pages[id] = state;
                }
            }

            _subSteps.RemoveRange(_yieldMark, _subSteps.Count - _yieldMark);
            _subSteps.Add(merged);
            _open = merged;
        }
        else
        {
            Begin(SubStepKind.Other, text, null);
        }

        foreach (var page in _touched)
        {
            Capture(page);
        }

        _open = null;
        _yieldMark = _subSteps.Count;
    }

    // A trace is recorded after its inner statement: one step, the trace's output on it.
    private void Fold(RecordedStatement record)
    {
        if (record.Statement is TraceStatement trace && Statements.Count > 0 && ReferenceEquals(Statements[^1].Statement, trace.Inner)
            && record.Changes.Count == 0 && record.SubSteps.Count == 0)
        {
            var inner = Statements[^1];
            inner.Statement = trace;
            inner.Completed &= record.Completed;
            inner.AddOutput(record.Output);
            inner.AddFailures(record.Failures);
            inner.Stats = record.Stats;
            return;
        }

        Statements.Add(record);
    }

    private static string Cap(string text) => text.Length <= MaxTextLength ? text : text[..(MaxTextLength - 1)] + "…";
}
