using MmuDsl.Mmu;
using MmuDsl.Mmu.Events;

namespace MmuDsl.Html.Recording;

/// <summary>The events: which pages they touch, and how a loop's events group into stages.</summary>
internal sealed partial class StepRecorder
{
    /// <inheritdoc/>
    // Hot: compiled optimized at once (no tier-0 code and instrumentation, a cost a one-shot run of a large scenario pays in full).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void OnEvent(MmuEvent e)
    {
        switch (e)
        {
            case SyncStarted s:
                _stepping = true;
                _syncDepth++;
                Begin(SubStepKind.Start, e.Describe(), s.Parent);
                break;
            case SyncFinished:
                _syncDepth--;
                _outcomes.Add(e.Describe());
                _open = null;
                break;
            case WalkFinished w:
                OnWalk(w);
                break;
            case UnsyncBitCleared c:
                OnCleared(c);
                break;
            case UnsyncBitMarked m:
                Touch(m.Page);
                _marked.Add(new BitChange(m.Page.Id, m.Index, null));
                Note(m.Page, e);
                break;
            case PageSynced s:
                Touch(s.Page);
                if (_stepping)
                {
                    if (Begin(SubStepKind.SyncPage, e.Describe(), s.Page) is { } synced)
                    {
                        synced.OpenZap = s.Failed;
                    }

                    Capture(s.Page);
                }

                break;
            case SpteCleared c:
                _sptes.Remove(c.Page);
                Touch(c.Page);
                if (_stepping)
                {
                    if (_open is not { OpenZap: true } && Begin(SubStepKind.Zap, "kvm_mmu_prepare_zap_page", c.Page) is { } zap)
                    {
                        zap.OpenZap = true;
                    }

                    _open?.Notes.Add(e.Describe());
                    Capture(c.Page);
                }

                break;
            case PageZapped z:
                Touch(z.Page);
                if (_stepping)
                {
                    if (_open is { OpenZap: true })
                    {
                        _open.OpenZap = false;
                        if (_open.Kind == SubStepKind.Zap)
                        {
                            _open.Text = e.Describe();
                            _open.Focus = z.Page.Id;
                        }
                        else
                        {
                            _open.Notes.Add(e.Describe());
                        }
                    }
                    else
                    {
                        Begin(SubStepKind.Zap, e.Describe(), z.Page);
                    }

                    Capture(z.Page);
                }

                break;
            case SpteSet s:
                _sptes.Remove(s.Page);
                Touch(s.Page);
                Note(s.Page, e);
                break;
            case PageUnsynced u:
                Touch(u.Page);
                Note(u.Page, e);
                break;
            case WarningFired or LinkedWithUnsyncChildren or FetchRetried or UnsyncRefused or ZappedForWriteTracking:
                // Notes: they change nothing themselves (a zap for write tracking is its own events).
                if (_stepping)
                {
                    (_open ?? Begin(SubStepKind.Other, e.Describe(), null))?.Notes.Add(e.Describe());
                }

                break;
            case SyncYielded y:
                // The statements of a `yield-after` block run now, inside the sync: they become
                // stages of it (OnStatement), in the order they happen.
                _yields.Push(_syncDepth);
                Begin(SubStepKind.Other, e.Describe(), y.Parent);
                _open = null;
                _yieldMark = _subSteps.Count;
                break;
            default:
                _unknownEvent = true;
                if (_stepping)
                {
                    Begin(SubStepKind.Other, e.Describe(), null);
                }

                break;
        }
    }

    private void OnWalk(WalkFinished w)
    {
        var step = Begin(SubStepKind.Walk, Cap(w.Describe()), w.Root);
        if (step == null)
        {
            return;
        }

        step.VisitCount = w.Visits.Length;
        foreach (var v in w.Visits.Take(MaxVisits))
        {
            step.Visits.Add(new PageEntry(v.Page.Id, v.Index));
        }

        foreach (var b in w.Batch)
        {
            step.Batch.Add(new PageEntry(b.Page.Id, b.Index));
        }
    }

    private void OnCleared(UnsyncBitCleared c)
    {
        Touch(c.Page);
        var change = new BitChange(c.Page.Id, c.Index, c.By);
        _cleared.Add(change);
        if (!_stepping)
        {
            return;
        }

        bool joins = c.By == BitClearer.Walk
            ? _open is { Kind: SubStepKind.Walk }
            : _open is { Kind: SubStepKind.ClearParents };
        if (!joins)
        {
            Begin(c.By == BitClearer.Walk ? SubStepKind.Other : SubStepKind.ClearParents, c.By == BitClearer.Walk ? "clear_unsync_child_bit" : "mmu_pages_clear_parents", c.Page);
        }

        if (_open != null)
        {
            _open.Cleared.Add(change);
            _open.Notes.Add(c.Describe());
            if (_open.Kind == SubStepKind.ClearParents)
            {
                _open.Text += $" {c.Page.Name}[{c.Index}]";
            }

            Capture(c.Page);
        }
    }

    private void Touch(ShadowPage page) => _touched.Add(page);

    // Linking or marking in a statement that walks: after a fetch's sync, the link itself (and
    // what it marks) is a stage of its own; inside an open stage, a note of it.
    private void Note(ShadowPage page, MmuEvent e)
    {
        if (!_stepping)
        {
            return;
        }

        if (_open == null)
        {
            Begin(SubStepKind.Other, e.Describe(), page);
        }

        _open?.Notes.Add(e.Describe());
        Capture(page);
    }

    private void Capture(ShadowPage page)
    {
        if (_open != null)
        {
            _open.Pages[page.Id] = StateOf(page);
        }
    }

    private RecordedSubStep? Begin(SubStepKind kind, string text, ShadowPage? focus)
    {
        if (_subSteps.Count >= MaxSubSteps)
        {
            _dropped++;
            _open = null;
            return null;
        }

        _open = new RecordedSubStep(kind, Cap(text), focus?.Id ?? -1);
        _subSteps.Add(_open);
        return _open;
    }
}
