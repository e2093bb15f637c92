using MmuDsl.Dsl.Syntax;

namespace MmuDsl.Dsl.Runtime;

/// <summary>Statements that drive the engine's loops: <c>sync</c> (interrupt-after, yield-after) and <c>link</c> (via fetch).</summary>
internal sealed partial class Interpreter
{
    private void Sync(SyncStatement s, Scope scope)
    {
        var page = LivePage(s.Page, scope);
        if (s.YieldAfter is { } yieldAfter)
        {
            int batches = Batches(yieldAfter, scope, "yield-after");

            // The block runs at the yield point, in a scope of its own, as a `for` body does.
            _mmu.SyncChildrenYielding(page, batches, () => ExecuteBlock(s.AtYield!.Statements, new Scope(scope)));
            return;
        }

        _mmu.SyncChildren(page, s.InterruptAfter == null ? null : Batches(s.InterruptAfter, scope, "interrupt-after"));
    }

    /// <summary><c>link</c>, and <c>link ... via fetch</c> through the page-fault path.</summary>
    private void Link(LinkStatement s, Scope scope)
    {
        var parent = LivePage(s.Parent, scope);
        int index = Index(s.Index, scope);
        var child = LivePage(s.Child, scope);
        if (s.ViaFetch)
        {
            _mmu.Fetch(parent, index, child, s.InterruptAfter == null ? null : Batches(s.InterruptAfter, scope, "interrupt-after"));
            return;
        }

        long before = _mmu.Stats.LinkUnsyncChildren;
        _mmu.Link(parent, index, child);
        if (_mmu.Stats.LinkUnsyncChildren != before)
        {
            _run.Notes.Add(new Diagnostic(s.Span, DiagnosticSeverity.Note, $"link-unsync-children: '{child.Name}' still has unsync_children={child.UnsyncChildren} when linked; the kernel WARNs on this since 6.3, as its page-fault path syncs such a page first ('link ... via fetch'). Counted in stat.link_unsync_children, not in stat.warnings"));
        }
    }

    private int Batches(Expr e, Scope scope, string what)
    {
        long n = EvaluateInt(e, scope, what);
        if (n < 1)
        {
            throw new ScriptRuntimeException(e.Span, $"{what} must be at least 1 batch, not {n}");
        }

        return (int)Math.Min(n, int.MaxValue);
    }
}
