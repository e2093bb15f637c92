using System.Collections.Immutable;
using MmuDsl.Mmu.Events;

namespace MmuDsl.Mmu;

// Read this before changing the walk, the sync loop or the zap loop.
//
// * The walk (__mmu_unsync_walk) is the kernel's: ascending bits of the live bitmap; a gone or
//   large spte and a clean child lose their bit ("lazy clearing"); a child with unsync children
//   is batched and walked, and loses its bit if its subtree had no leaf; an unsync child is
//   counted and batched. A full batch stops the walk with -ENOSPC.
// * Legacy and recursive differ in ONE place: ProcessBatch calls ClearParents (legacy's
//   mmu_pages_clear_parents) after each leaf, or not. Everything else is shared.
// * ClearParents never climbs above the walk's root: the path has a null sentinel there. That is
//   the seed's claim 3, pinned by SeedClaimTests.ClearParents_NeverTouchesParentsOfParent.
// * The loops stop when a walk returns 0, so the page synced always ends with unsync_children 0
//   (invariant 4, claim 4); a walk that batched no leaf and cleared no bit would repeat forever:
//   that is the no-progress warning (WalkTests.BatchBelowLevel_FiresNoProgress_AndStops).
// * Zaps inside a sync (a failed kvm_sync_page) only ever zap level-1 pages, which never walk, so
//   the sync batch is never reused under its own iteration.
// * The walk and the sync of a leaf read and write a child's unsync_children, unsync, level, sync
//   count and fail flag in the dense PageSyncState array, reached through the child ids that
//   SpteTable and PageBatch keep; they never touch a child's ShadowPage object, which is where
//   the time went (PageSyncState.cs). Keep it so: a child.Xxx read in WalkChildren is a cache
//   miss per visited entry.
public sealed partial class ShadowMmu
{
    /// <summary>
    /// <c>mmu_unsync_walk</c>: empties the batch; if the page has unsync children, batches it as
    /// the first entry and walks it. Returns the leaves found, or <see cref="Enospc"/>.
    /// </summary>
    private int UnsyncWalk(ShadowPage page, PageBatch batch)
    {
        Stats.Walks++;
        batch.Reset(_batchCapacity);
        bool observed = Observer != null;
        if (observed)
        {
            // Hold back what the walk emits, and note its visits: WalkFinished comes first.
            _walkEvents = [];
            _walkVisits = [];
        }

        int result = 0;
        ref PageSyncState state = ref _syncStates[page.Id];
        if (state.UnsyncChildren != 0)
        {
            batch.Add(page, page.Id, state, InvalidIndex);
            result = _walkVisits == null
                ? WalkChildren(page, batch, default(NoVisits))
                : WalkChildren(page, batch, new ListVisits(_walkVisits));
            if (result == Enospc)
            {
                Stats.FullBatches++;
            }
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

    /// <summary><c>__mmu_unsync_walk</c>. Recursion depth is bounded by the level (at most 4).</summary>
    /// <remarks>
    /// Generic over how visits are noted so that the JIT compiles the unobserved walk with no
    /// trace of it (<see cref="NoVisits"/> is an empty struct); only a walk with an observer pays.
    /// </remarks>
    private int WalkChildren<TVisits>(ShadowPage page, PageBatch batch, TVisits visits)
        where TVisits : struct, IWalkVisits
    {
        int leaves = 0;
        var states = _syncStates;
        var sptes = page.Sptes;
        for (int i = page.UnsyncChildBitmapBits.NextSetBit(0); i >= 0; i = page.UnsyncChildBitmapBits.NextSetBit(i + 1))
        {
            Stats.Visits++;
            visits.Add(page, i);
            int rank = sptes == null ? -1 : sptes.LinkRank(i);
            if (rank < 0)
            {
                // Not present, or a large leaf: nothing below can be unsync.
                if (_walkClearsStale)
                {
                    ClearUnsyncChildBit(page, i, BitClearer.Walk);
                }

                continue;
            }

            int childId = sptes!.ChildIdAtRank(rank);
            ref PageSyncState childState = ref states[childId];
            if (childState.UnsyncChildren > 0)
            {
                var child = sptes.ChildAtRank(rank);
                if (batch.Add(child, childId, childState, i))
                {
                    return Enospc;
                }

                int r = WalkChildren(child, batch, visits);
                if (r == 0)
                {
                    if (_walkClearsStale)
                    {
                        ClearUnsyncChildBit(page, i, BitClearer.Walk);
                    }
                }
                else if (r > 0)
                {
                    leaves += r;
                }
                else
                {
                    return r;
                }
            }
            else if (childState.Unsync)
            {
                leaves++;
                if (batch.Add(sptes.ChildAtRank(rank), childId, childState, i))
                {
                    return Enospc;
                }
            }
            else if (_walkClearsStale)
            {
                ClearUnsyncChildBit(page, i, BitClearer.Walk);
            }
        }

        return leaves;
    }

    /// <summary>
    /// <c>mmu_sync_children(parent, can_yield = false)</c>: walk, sync every leaf of the batch
    /// (legacy: clearing parents after each), until a walk returns 0. With
    /// <paramref name="interruptAfterBatches"/>, <c>need_resched</c> is true after that many
    /// batches and the sync returns -EINTR (<see cref="SyncOutcome.Interrupted"/>).
    /// </summary>
    public SyncOutcome SyncChildren(ShadowPage parent, int? interruptAfterBatches = null)
    {
        RequireLive(parent, "sync");
        if (interruptAfterBatches is < 1)
        {
            throw new MmuException(MmuErrorKind.BadArgument, $"cannot sync '{parent.Name}' with interrupt-after {interruptAfterBatches}: interrupt-after must be at least 1 batch");
        }

        if (Observer != null)
        {
            Emit(new SyncStarted(parent, Zap: false));
        }

        int batches = 0;
        var outcome = SyncOutcome.Done;
        while (true)
        {
            long clearsBefore = _bitClears;
            int r = UnsyncWalk(parent, _syncBatch);
            if (r == 0)
            {
                break;
            }

            if (!_syncBatch.HasLeaf() && _bitClears == clearsBefore)
            {
                WarnNoProgress(parent, _syncBatch);
                outcome = SyncOutcome.NoProgress;
                break;
            }

            batches++;
            ProcessBatch(_syncBatch, _syncPath, zap: false);
            if (batches == interruptAfterBatches)
            {
                Stats.Interrupted++;
                outcome = SyncOutcome.Interrupted;
                break;
            }
        }

        if (Observer != null)
        {
            Emit(new SyncFinished(parent, Zap: false, outcome, batches));
        }

        if (outcome == SyncOutcome.Done && CheckSyncPostconditions)
        {
            CheckSyncPostcondition(parent);
        }

        return outcome;
    }

    /// <summary>
    /// Iterates the batch like <c>for_each_sp</c>, building the path, and syncs (or zaps) each
    /// level-1 entry; legacy then runs <c>mmu_pages_clear_parents</c> on the path.
    /// </summary>
    private void ProcessBatch(PageBatch batch, PagePath path, bool zap)
    {
        // mmu_pages_first
        var first = batch[0];
        bool pathUsable = true;
        if (first.Index != InvalidIndex)
        {
            Warn(MmuWarningKind.BadBatchPath, $"the batch of a walk starts with '{first.Page.Name}' at index {first.Index}, not the walk's root");
        }

        int rootLevel = first.Page.Level;
        if (rootLevel == 1)
        {
            Warn(MmuWarningKind.BadBatchPath, $"the batch of a walk starts with level-1 page '{first.Page.Name}'");
            pathUsable = false;
        }
        else
        {
            path.Parent[rootLevel - 2] = first.Page;
            path.Parent[rootLevel - 1] = null;
        }

        // mmu_pages_next, for each entry
        for (int n = 1; n < batch.Count; n++)
        {
            var entry = batch[n];
            int level = batch.LevelAt(n);
            path.Index[level - 1] = entry.Index;
            if (level != 1)
            {
                path.Parent[level - 2] = entry.Page;
                continue;
            }

            var leaf = entry.Page;
            if (zap)
            {
                PrepareZap(leaf);
            }
            else
            {
                SyncLeaf(leaf, batch.PageIdAt(n));
            }

            if (_clearsParents && pathUsable)
            {
                ClearParents(path);
            }
        }
    }

    /// <summary><c>kvm_unlink_unsync_page</c> then <c>kvm_sync_page</c> (which zaps on failure).</summary>
    private void SyncLeaf(ShadowPage leaf, int leafId)
    {
        ref PageSyncState state = ref _syncStates[leafId];
        if (!state.Unsync)
        {
            Warn(MmuWarningKind.UnlinkNotUnsync, $"kvm_unlink_unsync_page on '{leaf.Name}', which is not unsync");
        }

        // As the kernel does: the counter drops even when the WARN fired.
        state.Unsync = false;
        Stats.Unsync--;
        state.Syncs++;
        Stats.Syncs++;
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
    }

    /// <summary>
    /// <c>mmu_pages_clear_parents</c> (legacy): clear the leaf's bit in its parent, and climb while
    /// a count reaches zero, up to and including the walk's root; the sentinel above the root
    /// stops it, so the parents of the page synced are never touched.
    /// </summary>
    private void ClearParents(PagePath path)
    {
        int level = 0;
        ShadowPage? page;
        do
        {
            page = path.Parent[level];
            if (page == null)
            {
                return;
            }

            int index = path.Index[level];
            if (index == InvalidIndex)
            {
                Warn(MmuWarningKind.BadBatchPath, $"mmu_pages_clear_parents reached '{page.Name}' with no index below it");
                return;
            }

            ClearUnsyncChildBit(page, index, BitClearer.ClearParents);
            level++;
        }
        while (page.UnsyncChildren == 0);
    }

    private void WarnNoProgress(ShadowPage parent, PageBatch batch)
    {
        Warn(
            MmuWarningKind.NoProgress,
            $"a walk of '{parent.Name}' filled its batch of {batch.Capacity} with pages on one path (level {parent.Level}) and found no leaf; the sync would loop forever, so it was stopped (raise pvec to at least {parent.Level})");
    }

    /// <summary>Where a walk notes the bitmap entries it visits.</summary>
    private interface IWalkVisits
    {
        void Add(ShadowPage page, int index);
    }

    /// <summary>No observer: nothing noted.</summary>
    private readonly struct NoVisits : IWalkVisits
    {
        public void Add(ShadowPage page, int index)
        {
        }
    }

    /// <summary>An observer: every visit noted, for <see cref="WalkFinished.Visits"/>.</summary>
    private readonly struct ListVisits(List<WalkVisit> list) : IWalkVisits
    {
        public void Add(ShadowPage page, int index) => list.Add(new WalkVisit(page, index));
    }
}
