using MmuDsl.Mmu.Events;

namespace MmuDsl.Mmu.Tests;

/// <summary>
/// Records an engine's events and renders each as a short, stable line of the test's own
/// making (not <see cref="MmuEvent.Describe"/>, whose wording may change):
/// <c>walk R = 1 [R P3@0 L@2]</c>, <c>clear P2[2] by Walk</c>, <c>sync L</c>, ...
/// </summary>
internal sealed class EventTrace
{
    private EventTrace()
    {
    }

    public List<MmuEvent> Events { get; } = [];

    /// <summary>Starts recording every event of <paramref name="mmu"/> (replacing its observer).</summary>
    public static EventTrace Attach(ShadowMmu mmu)
    {
        var trace = new EventTrace();
        mmu.Observer = trace.Events.Add;
        return trace;
    }

    public IReadOnlyList<WalkFinished> Walks => Events.OfType<WalkFinished>().ToList();

    public IReadOnlyList<UnsyncBitCleared> Clears => Events.OfType<UnsyncBitCleared>().ToList();

    /// <summary>Every event, one line each.</summary>
    public List<string> Lines() => Events.Select(Format).ToList();

    /// <summary>The events of the given kinds, one line each.</summary>
    public List<string> Lines<T>()
        where T : MmuEvent => Events.OfType<T>().Select(e => Format(e)).ToList();

    /// <summary>The lines of the bit-clearing events only.</summary>
    public List<string> ClearLines() => Lines<UnsyncBitCleared>();

    public static string Format(MmuEvent e) => e switch
    {
        WalkFinished w => $"walk {w.Root.Name} = {(w.Result == ShadowMmu.Enospc ? "ENOSPC" : w.Result)} [{Batch(w)}]",
        UnsyncBitCleared c => $"clear {c.Page.Name}[{c.Index}] by {c.By}",
        UnsyncBitMarked m => $"mark {m.Page.Name}[{m.Index}]",
        PageUnsynced u => $"unsync {u.Page.Name}",
        PageSynced s => s.Failed ? $"sync {s.Page.Name} failed" : $"sync {s.Page.Name}",
        PageZapped z => $"zapped {z.Page.Name}",
        SpteCleared c => c.Child == null ? $"drop {c.Page.Name}[{c.Index}]" : $"drop {c.Page.Name}[{c.Index}] -> {c.Child.Name}",
        SpteSet s => s.Child == null ? $"set {s.Page.Name}[{s.Index}] {s.Kind}" : $"set {s.Page.Name}[{s.Index}] -> {s.Child.Name}",
        SyncStarted s => $"{(s.Zap ? "zap-unsync-children" : "sync-children")} {s.Parent.Name}",
        SyncFinished f => $"end {f.Parent.Name} {f.Outcome} after {f.Batches}",
        WarningFired w => $"warn {w.Warning.Name}",
        LinkedWithUnsyncChildren l => $"warn-link {l.Parent.Name}[{l.Index}] -> {l.Child.Name} ({l.UnsyncChildren})",
        FetchRetried f => $"retry {f.Parent.Name}[{f.Index}] -> {f.Child.Name}",
        SyncYielded y => $"yield {y.Parent.Name} after {y.Batches}",
        UnsyncRefused r => $"refused {r.Page.Name} by {r.Tracker.Name}",
        ZappedForWriteTracking z => $"write-track {z.NewPage} zaps {z.Leaf.Name}",
        _ => e.GetType().Name,
    };

    /// <summary>A walk's batch as <c>R P3@0 L@2</c> (the root has no index).</summary>
    public static string Batch(WalkFinished w) =>
        string.Join(" ", w.Batch.Select(b => b.Index == ShadowMmu.InvalidIndex ? b.Page.Name : $"{b.Page.Name}@{b.Index}"));
}
