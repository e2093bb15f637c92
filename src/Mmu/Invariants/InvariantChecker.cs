namespace MmuDsl.Mmu.Invariants;

/// <summary>
/// Checks invariants 1 to 4 (docs/model.md#invariants) on an engine and names each broken one. Invariant 4
/// is checked by the engine itself at the end of every sync that returned 0 and recorded; this
/// checker reports those records. Warnings (docs/model.md#warnings) are the engine's warning list.
/// </summary>
public static class InvariantChecker
{
    /// <summary>
    /// True when invariants 1 to 4 hold (no violation recorded at a sync's end either); the same
    /// verdict as an empty <see cref="Check"/>, without building anything, for callers that check
    /// millions of states and want the messages only when something broke.
    /// </summary>
    public static bool Holds(ShadowMmu mmu)
    {
        ArgumentNullException.ThrowIfNull(mmu);
        if (mmu.SyncPostconditionViolations.Count > 0)
        {
            return false;
        }

        long unsyncPages = 0;
        // The list itself, not the interface: this runs after every operation mmudsl explore tries.
        var pages = mmu.PageList;
        for (int p = 0; p < pages.Count; p++)
        {
            var page = pages[p];
            int children = page.UnsyncChildren;
            if (children != page.UnsyncChildBitmapBits.PopCount())
            {
                return false;
            }

            bool unsync = page.Unsync;
            if (unsync)
            {
                unsyncPages++;
                if (page.Level != 1)
                {
                    return false;
                }
            }

            if (!unsync && children <= 0)
            {
                continue;
            }

            int n = page.ParentCount;
            for (int k = 0; k < n; k++)
            {
                var pte = page.ParentAt(k);
                if (!pte.Parent.UnsyncChildBitmapBits.IsSet(pte.Index))
                {
                    return false;
                }
            }
        }

        return unsyncPages == mmu.Stats.Unsync;
    }

    /// <summary>Every violation of invariants 1 to 4, in invariant order, then page order.</summary>
    public static IReadOnlyList<InvariantViolation> Check(ShadowMmu mmu)
    {
        ArgumentNullException.ThrowIfNull(mmu);
        var found = new List<InvariantViolation>();
        long unsyncPages = 0;
        foreach (var page in mmu.Pages)
        {
            int pop = page.UnsyncChildBitmapBits.PopCount();
            if (page.UnsyncChildren != pop)
            {
                found.Add(new InvariantViolation(1, $"'{page.Name}' has unsync_children={page.UnsyncChildren} but bitmap={page.UnsyncChildBitmapBits} ({pop} bits)"));
            }
        }

        foreach (var page in mmu.Pages)
        {
            if (!page.Unsync && page.UnsyncChildren <= 0)
            {
                continue;
            }

            int n = page.ParentCount;
            for (int k = 0; k < n; k++)
            {
                var pte = page.ParentAt(k);
                if (!pte.Parent.UnsyncChildBitmapBits.IsSet(pte.Index))
                {
                    string why = page.Unsync ? "is unsync" : $"has unsync_children={page.UnsyncChildren}";
                    found.Add(new InvariantViolation(2, $"'{page.Name}' {why} but bit {pte.Index} of its parent '{pte.Parent.Name}' is clear (a false negative)"));
                }
            }
        }

        foreach (var page in mmu.Pages)
        {
            if (page.Unsync)
            {
                unsyncPages++;
                if (page.Level != 1)
                {
                    found.Add(new InvariantViolation(3, $"'{page.Name}' is unsync at level {page.Level}"));
                }
            }
        }

        if (unsyncPages != mmu.Stats.Unsync)
        {
            found.Add(new InvariantViolation(3, $"stat.unsync is {mmu.Stats.Unsync} but {unsyncPages} pages are unsync"));
        }

        found.AddRange(mmu.SyncPostconditionViolations);
        return found;
    }
}
