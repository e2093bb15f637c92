using MmuDsl.Mmu.Invariants;

namespace MmuDsl.Mmu;

/// <summary>Invariant 4, checked when a sync returns 0.</summary>
public sealed partial class ShadowMmu
{
    private void CheckSyncPostcondition(ShadowPage parent)
    {
        if (parent.UnsyncChildren != 0)
        {
            _syncViolations.Add(new InvariantViolation(4, $"sync of '{parent.Name}' returned 0 with unsync_children={parent.UnsyncChildren} bitmap={parent.UnsyncChildBitmapBits}"));
        }

        // Depth-first over links; the DAG is shallow (levels), pages may be reached twice.
        var seen = new HashSet<ShadowPage>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<ShadowPage>();
        stack.Push(parent);
        while (stack.Count > 0)
        {
            var page = stack.Pop();
            if (!seen.Add(page))
            {
                continue;
            }

            if (page.Unsync && !ReferenceEquals(page, parent))
            {
                _syncViolations.Add(new InvariantViolation(4, $"sync of '{parent.Name}' returned 0 but '{page.Name}' below it is still unsync"));
            }

            for (int i = page.NextPresentIndex(0); i >= 0; i = page.NextPresentIndex(i + 1))
            {
                var child = page.ChildAt(i);
                if (child != null)
                {
                    stack.Push(child);
                }
            }
        }
    }
}
