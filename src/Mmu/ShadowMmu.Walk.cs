using System.Collections.Immutable;
using System.Globalization;
using MmuDsl.Mmu.Algorithms;
using MmuDsl.Mmu.Events;

namespace MmuDsl.Mmu;

// Read this before changing the sync loop or the zap loop, or what an algorithm may call.
//
// * The walk and what happens to each batch are the algorithm's (src/Mmu/Algorithms: one file
//   per algorithm); the loops around them are the engine's and the same for every algorithm:
//   walk; stop at 0; a walk that batched no leaf and cleared no bit would repeat forever (the
//   no-progress warning, WalkTests.BatchBelowLevel_FiresNoProgress_AndStops); process the batch;
//   -EINTR after N batches. So the page synced always ends with unsync_children 0 (invariant 4).
// * The engine counts walks here and visits in NoteVisit (the algorithm's for_each_set_bit), so
//   no algorithm can miscount them; the engine benchmark checks both against a C walk.
// * An exception inside algorithm code becomes an AlgorithmFailedException naming the algorithm
//   and, for a plug-in, its file and line (CallAlgorithm). A walk that visits more than 512
//   entries per page, and a plug-in that makes more engine calls than its budget, are stopped
//   the same way, and so is a loop whose batch step makes no progress (BatchesPerPage): a loop
//   in a plug-in never hangs the tool.
// * Zaps inside a sync (a failed kvm_sync_page) only ever zap level-1 pages under the built-ins;
//   a plug-in may zap anything, so each nested loop takes its own batch (_batches by depth).
// * The walk reads a child's unsync_children, unsync and level in the dense PageSyncState array,
//   through KvmMmuPage handles that carry the child's id; it never touches the child's
//   ShadowPage object, which is where the time went (PageSyncState.cs). Keep it so.
public sealed partial class ShadowMmu
{
    // One batch per nesting depth of the sync and zap loops (a zap inside a batch runs its own).
    private readonly List<KvmMmuPages> _batches = [];
    private int _loopDepth;

    // The last batch generation handed out (NextBatchGeneration); stamps are at most this. Two
    // bytes, like the stamps: the wrap, every 65,535 walks, costs one pass over the pages.
    private ushort _batchGeneration;

    // A nested loop's batch may have restamped pages of an outer batch that is still being
    // filled (a plug-in that zaps during its walk): until the outermost batch is emptied again,
    // "already an entry?" falls back to scanning the batch when the stamp says no.
    private bool _batchStampsOverwritten;

    /// <summary>
    /// <c>mmu_sync_children(parent, can_yield = false)</c>: walk, let the algorithm sync the batch,
    /// until a walk returns 0. With <paramref name="interruptAfterBatches"/>, <c>need_resched</c> is
    /// true after that many batches and the sync returns -EINTR (<see cref="SyncOutcome.Interrupted"/>).
    /// </summary>
    public SyncOutcome SyncChildren(ShadowPage parent, int? interruptAfterBatches = null)
    {
        RequireLive(parent, "sync");
        if (interruptAfterBatches is < 1)
        {
            throw new MmuException(MmuErrorKind.BadArgument, $"cannot sync '{parent.Name}' with interrupt-after {interruptAfterBatches}: interrupt-after must be at least 1 batch");
        }

        return RunLoop(parent, zap: false, interruptAfterBatches, yieldAfterBatches: null, atYield: null);
    }

    /// <summary>
    /// <c>mmu_sync_children(parent, can_yield = true)</c> (the <c>kvm_mmu_sync_roots</c> path):
    /// after <paramref name="yieldAfterBatches"/> batches <c>need_resched</c> is true, so it drops
    /// mmu_lock, <paramref name="atYield"/> runs (what other vCPUs do meanwhile: their faults
    /// unsync, link and zap pages), and the loop goes on walking until a walk returns 0. It yields
    /// once. Only a root's sync may yield, as only <c>kvm_mmu_sync_roots</c> passes can_yield. The
    /// root may be zapped at the yield point (it stays allocated, invalid); the loop then walks what
    /// is left.
    /// </summary>
    public SyncOutcome SyncChildrenYielding(ShadowPage parent, int yieldAfterBatches, Action atYield)
    {
        ArgumentNullException.ThrowIfNull(atYield);
        RequireLive(parent, "sync");
        if (!parent.IsRoot)
        {
            throw new MmuException(MmuErrorKind.BadArgument, $"cannot sync '{parent.Name}' with yield-after: only a root's sync may yield (kvm_mmu_sync_roots); a page below a root is synced by the fault path, which may not (can_yield is false: use interrupt-after)");
        }

        if (yieldAfterBatches < 1)
        {
            throw new MmuException(MmuErrorKind.BadArgument, $"cannot sync '{parent.Name}' with yield-after {yieldAfterBatches}: yield-after must be at least 1 batch");
        }

        return RunLoop(parent, zap: false, interruptAfterBatches: null, yieldAfterBatches, atYield);
    }

    /// <summary>The sync loop (<paramref name="zap"/> false) or the zap loop of <c>mmu_zap_unsync_children</c>.</summary>
    /// <remarks>The batch of the outermost loop is made with the engine (a sync allocates nothing);
    /// a loop nested in a batch step or at a yield point takes one of its own, made once.</remarks>
    private SyncOutcome RunLoop(ShadowPage parent, bool zap, int? interruptAfterBatches, int? yieldAfterBatches, Action? atYield)
    {
        if (Observer != null)
        {
            Emit(new SyncStarted(parent, zap));
        }

        if (_loopDepth == _batches.Count)
        {
            _batches.Add(new KvmMmuPages(this, _batchCapacity));
        }

        if (_loopDepth > 0)
        {
            _batchStampsOverwritten = true;
        }

        var batch = _batches[_loopDepth++];
        int batches = 0;
        var outcome = SyncOutcome.Done;
        try
        {
            while (true)
            {
                long clearsBefore = _bitClears;
                int r = UnsyncWalk(parent, batch);
                if (r == 0)
                {
                    break;
                }

                if (!batch.HasLeaf() && _bitClears == clearsBefore)
                {
                    WarnNoProgress(parent, batch);
                    outcome = SyncOutcome.NoProgress;
                    break;
                }

                batches++;
                // Pages made at a yield point raise the budget with the work they can add.
                long budget = BatchesPerPage * (_pages.Count + 1L);
                if (batches > budget)
                {
                    throw LoopBudgetExceeded(parent, zap, budget);
                }

                ProcessBatch(batch, zap);
                if (batches == interruptAfterBatches)
                {
                    Stats.Interrupted++;
                    outcome = SyncOutcome.Interrupted;
                    break;
                }

                if (batches == yieldAfterBatches)
                {
                    Stats.Yields++;
                    if (Observer != null)
                    {
                        Emit(new SyncYielded(parent, batches));
                    }

                    atYield!();
                }
            }
        }
        finally
        {
            _loopDepth--;
        }

        if (Observer != null)
        {
            Emit(new SyncFinished(parent, zap, outcome, batches));
        }

        if (!zap && outcome == SyncOutcome.Done && CheckSyncPostconditions)
        {
            CheckSyncPostcondition(parent);
        }

        return outcome;
    }

    /// <summary>
    /// One <c>mmu_unsync_walk</c>: counted, handed an empty batch, run by the algorithm, traced.
    /// Returns the algorithm's result (leaves found, 0, or <see cref="Enospc"/>).
    /// </summary>
    private int UnsyncWalk(ShadowPage page, KvmMmuPages batch)
    {
        Stats.Walks++;
        batch.Reset(_batchCapacity);
        if (_loopDepth == 1)
        {
            _batchStampsOverwritten = false;
        }

        bool observed = Observer != null;
        if (observed)
        {
            // Hold back what the walk emits, and note its visits: WalkFinished comes first.
            _walkEvents = [];
            _walkVisits = [];
        }

        _visitBudget = VisitsPerPage * (long)Math.Max(1, _pages.Count);
        _visitsLeft = _visitBudget;
        bool wasInWalk = _inWalk;
        _inWalk = true;
        int result;
        try
        {
            result = CallAlgorithm(AlgorithmCall.Walk, page, 0, batch);
        }
        finally
        {
            _inWalk = wasInWalk;
        }

        if (result == Enospc)
        {
            Stats.FullBatches++;
        }

        if (observed)
        {
            var held = _walkEvents!;
            var visits = _walkVisits!.ToImmutableArray();
            _walkEvents = null;
            _walkVisits = null;
            Emit(new WalkFinished(page, result, batch.ToImmutable(), visits));
            foreach (var e in held)
            {
                Emit(e);
            }
        }

        return result;
    }

    /// <summary>What <c>mmu_sync_children</c> or <c>mmu_zap_unsync_children</c> does with one batch: the algorithm's.</summary>
    private void ProcessBatch(KvmMmuPages batch, bool zap) =>
        CallAlgorithm(zap ? AlgorithmCall.ZapBatch : AlgorithmCall.SyncBatch, null, 0, batch);

    /// <summary>
    /// An algorithm's walk noted a visit: counted, and checked against the walk's budget. What an
    /// observer sees of it, the iterator adds to <see cref="WalkVisitLog"/> itself, which it reads
    /// once per page rather than once per visit.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal void NoteVisit()
    {
        Stats.Visits++;
        if (--_visitsLeft < 0)
        {
            ThrowVisitBudget();
        }
    }

    /// <summary>Where the visits of the walk that runs are noted for its <see cref="WalkFinished"/> event; null unless observed.</summary>
    internal List<WalkVisit>? WalkVisitLog => _walkVisits;

    private void ThrowVisitBudget() =>
        throw new AlgorithmBudgetException($"one walk visited more than {_visitBudget} bitmap entries ({VisitsPerPage} per page of the engine): a walk that does not end");

    /// <summary><c>kvm_unlink_unsync_page</c>.</summary>
    /// <remarks>Inlined into the algorithm's batch loop: what is rare (the WARN) is out of line.</remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal void KvmUnlinkUnsyncPage(ShadowPage leaf, int leafId)
    {
        ref PageSyncState state = ref _syncStates[leafId];
        if (!state.Unsync)
        {
            WarnUnlinkNotUnsync(leaf);
        }

        // As the kernel does: the counter drops even when the WARN fired.
        state.Unsync = false;
        Stats.Unsync--;
    }

    private void WarnUnlinkNotUnsync(ShadowPage leaf) =>
        Warn(MmuWarningKind.UnlinkNotUnsync, $"kvm_unlink_unsync_page on '{leaf.Name}', which is not unsync");

    /// <summary><c>kvm_sync_page</c> (which zaps on failure); true when it synced.</summary>
    /// <remarks>Inlined into the algorithm's batch loop: what is rare (a bad page, an observer,
    /// a failed sync) is out of line.</remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal bool KvmSyncPage(ShadowPage leaf, int leafId)
    {
        ref PageSyncState state = ref _syncStates[leafId];
        if (state.Zapped || state.Level != 1)
        {
            ThrowNotSyncable(leaf);
        }

        state.Syncs++;
        Stats.Syncs++;
        bool failed = state.FailNextSync;
        if (failed || Observer != null)
        {
            return SyncedRarely(leaf, ref state);
        }

        return true;
    }

    /// <summary>The rest of <see cref="KvmSyncPage"/> when the sync fails or is observed.</summary>
    private bool SyncedRarely(ShadowPage leaf, ref PageSyncState state)
    {
        bool failed = state.FailNextSync;
        state.FailNextSync = false;
        if (Observer != null)
        {
            Emit(new PageSynced(leaf, failed));
        }

        if (failed)
        {
            PrepareZap(leaf);
        }

        return !failed;
    }

    // Only a plug-in gets here (the dense state is checked: the page object stays untouched).
    private void ThrowNotSyncable(ShadowPage leaf)
    {
        RequireLive(leaf, "kvm_sync_page");
        throw new MmuException(MmuErrorKind.BadLevel, $"kvm_sync_page on '{leaf.Name}' (level {leaf.Level}): only level-1 pages are synced");
    }

    /// <summary><c>mmu_pages_add</c>, for <see cref="Kvm.MmuPagesAdd(KvmMmuPages, KvmMmuPage, int)"/>.</summary>
    /// <remarks>Inlined into the algorithm's walk: the checks that only a broken walk fails throw out of line.</remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal bool MmuPagesAdd(KvmMmuPages pvec, KvmMmuPage sp, int idx)
    {
        if (sp.IsNull)
        {
            ThrowAddNull();
        }

        ref PageSyncState state = ref _syncStates[sp.Id];
        if (state.Unsync && (state.BatchStamp == pvec.Generation || (_batchStampsOverwritten && pvec.Contains(sp.Id))))
        {
            return false;
        }

        if (pvec.Nr == pvec.Capacity)
        {
            ThrowAddToFull(pvec, sp);
        }

        if (idx != InvalidIndex && (uint)idx >= Bitmap512.Size)
        {
            ThrowAddIndex(idx);
        }

        state.BatchStamp = pvec.Generation;
        return pvec.Append(sp.Page, sp.Id, state.Level, idx);
    }

    /// <summary>The last generation handed out; tests set it to reach the wrap.</summary>
    internal ushort BatchGenerationForTests
    {
        get => _batchGeneration;
        set => _batchGeneration = value;
    }

    /// <summary>
    /// A fresh <see cref="KvmMmuPages.Generation"/>. When the counter would wrap, every page's
    /// stamp is cleared first, so that no stale stamp can ever equal a live generation.
    /// </summary>
    internal ushort NextBatchGeneration()
    {
        if (_batchGeneration == ushort.MaxValue)
        {
            for (int id = 0; id < _pages.Count; id++)
            {
                _syncStates[id].BatchStamp = 0;
            }

            _batchGeneration = 0;
        }

        return ++_batchGeneration;
    }

    private static void ThrowAddNull() => throw new InvalidOperationException("mmu_pages_add of a NULL page");

    private static void ThrowAddToFull(KvmMmuPages pvec, KvmMmuPage sp) =>
        throw new InvalidOperationException($"mmu_pages_add of '{sp.Name}' to a full batch ({pvec.Capacity} entries): the walk went on after an add returned true");

    private static void ThrowAddIndex(int idx) =>
        throw new ArgumentOutOfRangeException(nameof(idx), idx, "an index in the parent is 0..511, or INVALID_INDEX");

    /// <summary>
    /// The most batches one sync or zap loop may take, per page of the engine (plus one). Each batch
    /// of an algorithm that makes progress syncs or zaps a leaf or clears a bit, and a loop starts
    /// with at most 512 bits and one unsync page per page; a yield lets other operations add as
    /// many again, once. A loop past this is one whose batch step leaves the walk to find the same
    /// pages again forever (a plug-in's bug): it is stopped as the algorithm's failure.
    /// </summary>
    public const long BatchesPerPage = 2 * (512 + 1);

    private AlgorithmFailedException LoopBudgetExceeded(ShadowPage parent, bool zap, long budget)
    {
        string loop = zap ? "mmu_zap_unsync_children" : "mmu_sync_children";
        string what = string.Create(CultureInfo.InvariantCulture, $"stopped: {loop} of '{parent.Name}' ran more than {budget:N0} batches ({BatchesPerPage} per page of the engine): its batch step leaves the walk to batch the same pages again, a sync that never ends");
        return new AlgorithmFailedException(_algorithm.Name, what, null, 0, 0, new AlgorithmBudgetException(what));
    }

    private void WarnNoProgress(ShadowPage parent, KvmMmuPages batch)
    {
        Warn(
            MmuWarningKind.NoProgress,
            $"a walk of '{parent.Name}' filled its batch of {batch.Capacity} with pages on one path (level {parent.Level}) and found no leaf; the sync would loop forever, so it was stopped (raise pvec to at least {parent.Level})");
    }
}
