using MmuDsl.Mmu.Invariants;

namespace MmuDsl.Mmu;

/// <summary>Invariant 4, checked when a sync returns 0.</summary>
public sealed partial class ShadowMmu
{
    private readonly List<ShadowPage> _postconditionStack = [];
    private bool[] _postconditionSeen = [];

    private void CheckSyncPostcondition(ShadowPage parent)
    {
        if (parent.UnsyncChildren != 0)
        {
            _syncViolations.Add(new InvariantViolation(4, $"sync of '{parent.Name}' returned 0 with unsync_children={parent.UnsyncChildren} bitmap={parent.UnsyncChildBitmapBits}"));
        }

        // Depth-first over links; the DAG is shallow (levels), pages may be reached twice. The
        // marks and the stack are the engine's, reused: a sync allocates nothing (mmudsl explore
        // checks this after every sync it runs).
        if (_postconditionSeen.Length < _pages.Count)
        {
            _postconditionSeen = new bool[_pages.Count * 2];
        }

        var seen = _postconditionSeen;
        var stack = _postconditionStack;
        Array.Clear(seen, 0, _pages.Count);
        stack.Clear();
        stack.Add(parent);
        while (stack.Count > 0)
        {
            var page = stack[^1];
            stack.RemoveAt(stack.Count - 1);
            if (seen[page.Id])
            {
                continue;
            }

            seen[page.Id] = true;
            if (page.Unsync && !ReferenceEquals(page, parent))
            {
                _syncViolations.Add(new InvariantViolation(4, $"sync of '{parent.Name}' returned 0 but '{page.Name}' below it is still unsync"));
            }

            for (int i = page.NextPresentIndex(0); i >= 0; i = page.NextPresentIndex(i + 1))
            {
                var child = page.ChildAt(i);
                if (child != null)
                {
                    stack.Add(child);
                }
            }
        }
    }
}
