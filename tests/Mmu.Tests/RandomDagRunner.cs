using System.Text;
using MmuDsl.Mmu.Algorithms;
using MmuDsl.Mmu.Events;
using MmuDsl.Mmu.Invariants;

namespace MmuDsl.Mmu.Tests;

/// <summary>What the random runs exercised, summed over seeds (to show the property is not vacuous).</summary>
internal sealed class RandomDagCoverage
{
    public int Runs;
    public int Operations;
    public int SharedPages;
    public int SmallCapacityRuns;
    public int Syncs;
    public int SyncsThatSyncedSomething;
    public int FullBatches;
    public int FailedSyncZaps;
    public int InterruptedSyncs;
    public int RunsInterrupted;
    public int RunsStructureDiverged;
    public int OperationsSkippedInSecond;
    public int ZapLoops;
    public int StaleBitsClearedByWalk;
    public int BitsClearedByClearParents;
    public int SecondEngineFullBatches;

    public override string ToString() =>
        $"runs {Runs}, operations {Operations}, shared pages {SharedPages}, runs with pvec < 16 {SmallCapacityRuns}, " +
        $"syncs {Syncs} ({SyncsThatSyncedSomething} synced a page), full batches (-ENOSPC) {FullBatches}, " +
        $"fail-sync zaps {FailedSyncZaps}, interrupted syncs {InterruptedSyncs} (in {RunsInterrupted} runs; " +
        $"structure diverged in {RunsStructureDiverged}, {OperationsSkippedInSecond} operations then invalid in the second engine), " +
        $"zap loops {ZapLoops}, bits cleared by walk {StaleBitsClearedByWalk}, by clear_parents {BitsClearedByClearParents}; " +
        $"second engine: full batches (-ENOSPC) {SecondEngineFullBatches}";
}

/// <summary>
/// One seeded random run: a random DAG of shadow pages and a random operation sequence, applied in
/// lock-step to two engines (legacy and recursive unless told otherwise; with interrupts off, no
/// sync is given interrupt-after, so the two must agree after every operation). Operations are chosen
/// from the first engine's state. After every operation both engines must satisfy invariants 1-4
/// and have fired no warning; as long as no sync was interrupted, the two must also agree on
/// the whole state except the walk counters (semantic state, metadata, structure, stat.unsync,
/// syncs, zaps) and on the outcome of every sync and zap loop run without interrupt-after. After
/// an interrupted sync the algorithms may have synced different pages, and later zaps then zap
/// different pages (InterruptTests shows both), so from then on only invariants and warnings are
/// checked, and an operation the second engine would refuse is skipped there (and marked so in
/// the printed sequence).
/// </summary>
internal sealed class RandomDagRunner
{
    private readonly int _seed;
    private readonly Random _rng;
    private readonly ShadowMmu _first;
    private readonly ShadowMmu _second;
    private readonly RandomDagCoverage _coverage;
    private readonly List<string> _log = [];
    private readonly List<ShadowPage> _scratch = [];
    private int _maxLevel;
    private int _nextName;
    private bool _wide;
    private readonly bool _interrupts;
    private readonly int? _secondCapacity;
    private bool _interrupted;
    private bool _diverged;

    private RandomDagRunner(int seed, UnsyncWalkAlgorithm first, UnsyncWalkAlgorithm second, RandomDagCoverage coverage, bool interrupts, int? secondCapacity)
    {
        _seed = seed;
        _rng = new Random(seed);
        _first = new ShadowMmu(first);
        _second = new ShadowMmu(second);
        _coverage = coverage;
        _interrupts = interrupts;
        _secondCapacity = secondCapacity;
        if (secondCapacity is { } capacity)
        {
            _second.BatchCapacity = capacity;
        }

        _first.Observer = Observe;
        _second.Observer = ObserveSecond;
    }

    /// <summary>
    /// Runs seed <paramref name="seed"/>; returns null, or the failure with the seed and the whole
    /// sequence. With <paramref name="interrupts"/> false, the syncs that would have been given
    /// interrupt-after run to the end instead. With <paramref name="secondCapacity"/>, the second
    /// engine's batch capacity is that, whatever the sequence sets (<c>set pvec</c> applies to the
    /// first engine only).
    /// </summary>
    public static string? Run(int seed, RandomDagCoverage coverage, UnsyncWalkAlgorithm? first = null, UnsyncWalkAlgorithm? second = null, bool interrupts = true, int? secondCapacity = null)
    {
        var runner = new RandomDagRunner(seed, first ?? WalkAlgorithms.Legacy, second ?? WalkAlgorithms.Recursive, coverage, interrupts, secondCapacity);
        return runner.Run();
    }

    private string? Run()
    {
        _coverage.Runs++;
        string? failure = BuildDag() ?? RunOperations();
        if (_interrupted)
        {
            _coverage.RunsInterrupted++;
        }

        if (_diverged)
        {
            _coverage.RunsStructureDiverged++;
        }

        return failure;
    }

    private string? BuildDag()
    {
        int roots = 1 + _rng.Next(3);
        for (int r = 0; r < roots; r++)
        {
            int level = 2 + _rng.Next(3);
            _maxLevel = Math.Max(_maxLevel, level);
            string? f = Step(new RandomOp(RandomOpKind.CreateRoot, $"R{r}", level));
            if (f != null)
            {
                return f;
            }
        }

        // The batch capacity: the kernel's 16 half of the time, else the highest level (the
        // smallest that cannot livelock; below it WalkTests shows the no-progress warning) a
        // quarter of the time, else anything in between.
        int capacityRoll = _rng.Next(4);
        if (capacityRoll < 2)
        {
            _coverage.SmallCapacityRuns++;
            int capacity = capacityRoll == 0 ? _maxLevel : _rng.Next(_maxLevel, 16);
            string? f = Step(new RandomOp(RandomOpKind.BatchCapacity, Index: capacity));
            if (f != null)
            {
                return f;
            }
        }

        bool wide = _wide = _rng.Next(5) == 0;
        int[] counts = new int[5];
        counts[3] = _maxLevel >= 4 ? _rng.Next(0, 4) : 0;
        counts[2] = _maxLevel >= 3 ? _rng.Next(1, 6) : 0;
        counts[1] = wide ? _rng.Next(16, 25) : _rng.Next(2, 11);
        for (int level = 3; level >= 1; level--)
        {
            for (int k = 0; k < counts[level]; k++)
            {
                string? f = Step(new RandomOp(RandomOpKind.CreatePage, NewName(level), level));
                if (f != null)
                {
                    return f;
                }
            }
        }

        // Every non-root page gets one to three link attempts from random parents one level up,
        // so children are shared across parents and across roots.
        foreach (var page in _first.Pages.Where(p => !p.IsRoot).ToList())
        {
            int attempts = _rng.Next(4) == 0 ? 3 : 1 + _rng.Next(2);
            for (int a = 0; a < attempts; a++)
            {
                var parent = Pick(p => !p.Zapped && p.Level == page.Level + 1);
                int index = PickIndex(wide);
                if (parent != null && !parent.IsPresent(index))
                {
                    string? f = Step(new RandomOp(RandomOpKind.Link, parent.Name, Index: index, Child: page.Name));
                    if (f != null)
                    {
                        return f;
                    }
                }
            }

            if (page.ParentCount > 1)
            {
                _coverage.SharedPages++;
            }
        }

        int maps = _rng.Next(4);
        for (int m = 0; m < maps; m++)
        {
            var op = NewMap(wide);
            if (op != null)
            {
                string? f = Step(op);
                if (f != null)
                {
                    return f;
                }
            }
        }

        return null;
    }

    private string? RunOperations()
    {
        int length = 10 + _rng.Next(25);
        for (int n = 0; n < length; n++)
        {
            List<RandomOp>? ops = null;
            for (int attempt = 0; attempt < 8 && ops == null; attempt++)
            {
                ops = NewOperations(_wide);
            }

            foreach (var op in ops ?? [])
            {
                string? f = Step(op);
                if (f != null)
                {
                    return f;
                }
            }
        }

        return null;
    }

    /// <summary>One to four operations of one kind chosen at random, valid in the first engine; null if none fits.</summary>
    private List<RandomOp>? NewOperations(bool wide)
    {
        int roll = _rng.Next(100);
        ShadowPage? page;
        switch (roll)
        {
            case < 30:
                // A burst of unsyncs, so that syncs find several pages, often over a batch.
                var burst = new List<RandomOp>();
                int count = 1 + _rng.Next(4);
                for (int k = 0; k < count; k++)
                {
                    page = Pick(p => !p.Zapped && p.Level == 1 && !p.Unsync);
                    if (page != null && !burst.Any(o => o.Page == page.Name))
                    {
                        burst.Add(new RandomOp(RandomOpKind.Unsync, page.Name));
                    }
                }

                return burst.Count == 0 ? null : burst;
            case < 46:
                page = Pick(p => !p.Zapped && p.Level >= 2 && p.UnsyncChildren > 0) ?? Pick(p => !p.Zapped);
                return One(page == null ? null : new RandomOp(RandomOpKind.Sync, page.Name));
            case < 53:
                page = Pick(p => !p.Zapped && p.Level >= 2 && p.UnsyncChildren > 0);
                if (page == null)
                {
                    return null;
                }

                // Drawn either way, so that with interrupts on every seed runs what it ran before the switch.
                int interruptAfter = 1 + _rng.Next(3);
                return One(new RandomOp(RandomOpKind.Sync, page.Name, InterruptAfter: _interrupts ? interruptAfter : 0));
            case < 60:
                page = Pick(p => !p.Zapped && p.Level == 1);
                return One(page == null ? null : new RandomOp(RandomOpKind.FailSync, page.Name));
            case < 63:
                page = Pick(p => !p.Zapped);
                return One(page == null ? null : new RandomOp(RandomOpKind.Zap, page.Name));
            case < 68:
                page = Pick(p => !p.Zapped && p.Level >= 2);
                return One(page == null ? null : new RandomOp(RandomOpKind.ZapUnsyncChildren, page.Name));
            case < 76:
                page = Pick(p => !p.Zapped && p.PresentCount > 0);
                if (page == null)
                {
                    return null;
                }

                var present = page.PresentSptes().Select(s => s.Index).ToList();
                return One(new RandomOp(RandomOpKind.Unlink, page.Name, Index: present[_rng.Next(present.Count)]));
            case < 89:
                var parent = Pick(p => !p.Zapped && p.Level >= 2);
                if (parent == null)
                {
                    return null;
                }

                var child = Pick(p => !p.Zapped && p.Level == parent.Level - 1);
                int index = PickIndex(wide);
                return One(child == null || parent.IsPresent(index) ? null : new RandomOp(RandomOpKind.Link, parent.Name, Index: index, Child: child.Name));
            case < 95:
                return One(NewMap(wide));
            default:
                int level = 1 + _rng.Next(Math.Max(1, _maxLevel - 1));
                return One(new RandomOp(RandomOpKind.CreatePage, NewName(level), level));
        }
    }

    private static List<RandomOp>? One(RandomOp? op) => op == null ? null : [op];

    private RandomOp? NewMap(bool wide)
    {
        var page = Pick(p => !p.Zapped && p.Level <= 3);
        int index = PickIndex(wide);
        if (page == null || page.IsPresent(index))
        {
            return null;
        }

        return new RandomOp(page.Level == 1 ? RandomOpKind.MapLeaf : RandomOpKind.MapLarge, page.Name, Index: index);
    }

    private string NewName(int level) => (level switch { 3 => "A", 2 => "B", 1 => "L", _ => "N" }) + _nextName++.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private int PickIndex(bool wide) => wide ? _rng.Next(32) : _rng.Next(10) == 0 ? 511 - _rng.Next(3) : _rng.Next(8);

    private ShadowPage? Pick(Func<ShadowPage, bool> where)
    {
        _scratch.Clear();
        foreach (var p in _first.Pages)
        {
            if (where(p))
            {
                _scratch.Add(p);
            }
        }

        return _scratch.Count == 0 ? null : _scratch[_rng.Next(_scratch.Count)];
    }

    /// <summary>Applies one operation to both engines and checks them; returns a failure or null.</summary>
    private string? Step(RandomOp op)
    {
        _coverage.Operations++;
        _log.Add(op.ToString());
        SyncOutcome? a;
        try
        {
            a = op.ApplyTo(_first);
        }
        catch (MmuException e)
        {
            return Fail($"the generator chose an operation {_first.Algorithm} refuses: {e.Kind}: {e.Message}");
        }

        SyncOutcome? b = null;
        if (op.Kind == RandomOpKind.BatchCapacity && _secondCapacity != null)
        {
            _log[^1] += $"    # {_second.Algorithm} keeps pvec {_secondCapacity}";
        }
        else if (_diverged && !op.IsValidIn(_second))
        {
            _coverage.OperationsSkippedInSecond++;
            _log[^1] += $"    # not valid under {_second.Algorithm}: skipped there";
        }
        else
        {
            try
            {
                b = op.ApplyTo(_second);
            }
            catch (MmuException e)
            {
                return Fail($"{_second.Algorithm} refused it: {e.Kind}: {e.Message}");
            }
        }

        // With interrupt-after, one algorithm may finish within the allowed batches and the
        // other not (recursive can need more batches): only uninterruptible loops must agree.
        if (op.Kind is RandomOpKind.Sync or RandomOpKind.ZapUnsyncChildren && op.InterruptAfter == 0 && a != b && !_interrupted)
        {
            return Fail($"outcomes differ: {_first.Algorithm} {a}, {_second.Algorithm} {b}");
        }

        if (op.Kind == RandomOpKind.Sync)
        {
            _coverage.Syncs++;
            if (a == SyncOutcome.Interrupted || b == SyncOutcome.Interrupted)
            {
                // From here on the metadata, and later what is synced, may differ.
                _coverage.InterruptedSyncs++;
                _interrupted = true;
                _log[^1] += $"    # {_first.Algorithm}: {a}, {_second.Algorithm}: {b}";
            }
        }

        string? broken = CheckEngine(_first) ?? CheckEngine(_second);
        if (broken != null)
        {
            return Fail(broken);
        }

        if (!_interrupted)
        {
            var x = MmuSnapshot.Capture(_first);
            var y = MmuSnapshot.Capture(_second);
            string? difference =
                x.FirstSemanticDifference(y)
                ?? (x.Stats.Unsync == y.Stats.Unsync ? null : $"stat.unsync {x.Stats.Unsync} against {y.Stats.Unsync}")
                ?? x.FirstMetadataDifference(y)
                ?? StateAssert.FirstStructureDifference(x, y)
                ?? (x.Stats.Syncs == y.Stats.Syncs && x.Stats.Zaps == y.Stats.Zaps ? null : $"syncs/zaps {x.Stats} against {y.Stats}");
            if (difference != null)
            {
                return Fail($"the algorithms disagree ({_first.Algorithm} against {_second.Algorithm}): {difference}");
            }
        }
        else if (!_diverged)
        {
            _diverged = StateAssert.FirstStructureDifference(MmuSnapshot.Capture(_first), MmuSnapshot.Capture(_second)) != null;
        }

        return null;
    }

    private static string? CheckEngine(ShadowMmu mmu)
    {
        var violations = InvariantChecker.Check(mmu);
        if (violations.Count > 0)
        {
            return $"{mmu.Algorithm}: {string.Join("; ", violations)}";
        }

        if (mmu.Warnings.Count > 0)
        {
            return $"{mmu.Algorithm}: warning {string.Join("; ", mmu.Warnings)}";
        }

        return null;
    }

    private void Observe(MmuEvent e)
    {
        switch (e)
        {
            case WalkFinished { Result: ShadowMmu.Enospc }:
                _coverage.FullBatches++;
                break;
            case PageSynced { Failed: true }:
                _coverage.FailedSyncZaps++;
                break;
            case SyncFinished { Zap: true }:
                _coverage.ZapLoops++;
                break;
            case SyncFinished { Zap: false, Batches: > 0 }:
                _coverage.SyncsThatSyncedSomething++;
                break;
            case UnsyncBitCleared { By: BitClearer.Walk }:
                _coverage.StaleBitsClearedByWalk++;
                break;
            case UnsyncBitCleared { By: BitClearer.ClearParents }:
                _coverage.BitsClearedByClearParents++;
                break;
        }
    }

    private void ObserveSecond(MmuEvent e)
    {
        if (e is WalkFinished { Result: ShadowMmu.Enospc })
        {
            _coverage.SecondEngineFullBatches++;
        }
    }

    private string Fail(string what)
    {
        var text = new StringBuilder();
        text.AppendLine($"random DAG run failed: seed {_seed} ({_first.Algorithm} and {_second.Algorithm} in lock-step; replay with RandomDagRunner.Run({_seed}, ...))");
        if (_secondCapacity != null)
        {
            text.AppendLine($"{_second.Algorithm} ran with pvec {_secondCapacity} throughout");
        }

        text.AppendLine($"at step {_log.Count}: {_log[^1]}");
        text.AppendLine($"  {what}");
        text.AppendLine("the whole sequence, as a .mmu scenario:");
        foreach (string line in _log)
        {
            text.Append("    ").AppendLine(line);
        }

        return text.ToString();
    }
}
