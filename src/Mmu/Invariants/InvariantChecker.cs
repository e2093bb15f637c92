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

    /// <summary>
    /// The verdict of <see cref="Holds(ShadowMmu)"/>, read off <paramref name="packed"/>: what
    /// <see cref="ShadowMmu.PackState(Span{byte}, ReadOnlySpan{int})"/> just wrote for the state
    /// <paramref name="mmu"/> holds, over <paramref name="slotCount"/> slots. A packed state holds
    /// every field the invariants read, exactly (the pack refuses a bitmap bit or a parent pte
    /// outside the slots, and counts beyond a byte), so the verdict is the same, for a search that
    /// packs every state anyway and checks millions: a few bytes read instead of every page object.
    /// </summary>
    public static bool Holds(ShadowMmu mmu, ReadOnlySpan<byte> packed, int slotCount)
    {
        ArgumentNullException.ThrowIfNull(mmu);
        if (mmu.SyncPostconditionViolations.Count > 0)
        {
            return false;
        }

        int count = mmu.PageList.Count;
        int n = slotCount;

        // Each page's slot bits, and where the parent ptes of the pages that need their bits start
        // (those that are unsync or have unsync children).
        Span<byte> bits = stackalloc byte[count];
        Span<int> climb = stackalloc int[count];
        int climbs = 0;
        long unsyncPages = 0;
        int at = 1;
        for (int id = 0; id < count; id++)
        {
            int flags = packed[at];
            int children = (sbyte)packed[at + 2];
            int b = packed[at + 3];
            bits[id] = (byte)b;

            // (1) the count is the bitmap's population (it has no bit outside the slots).
            if (children != System.Numerics.BitOperations.PopCount((uint)b))
            {
                return false;
            }

            // From the dense state, not the page object: nothing but the bytes and that array is read.
            int level = mmu.ReadState(id).Level;
            bool unsync = (flags & 1) != 0;
            if (unsync)
            {
                unsyncPages++;

                // (3) only level-1 pages are unsync.
                if (level != 1)
                {
                    return false;
                }
            }

            int parentsAt = at + 4 + (level >= 2 ? n : 0);
            if (unsync || children > 0)
            {
                climb[climbs++] = parentsAt;
            }

            at = parentsAt + 1 + packed[parentsAt];
        }

        // (2) no false negative: each parent pte of such a page has its bit.
        for (int c = 0; c < climbs; c++)
        {
            int parentsAt = climb[c];
            int parents = packed[parentsAt];
            for (int k = 1; k <= parents; k++)
            {
                int pte = packed[parentsAt + k];
                int parent = pte / n;
                if ((bits[parent] & (1 << (pte - (parent * n)))) == 0)
                {
                    return false;
                }
            }
        }

        // (3) stat.unsync counts the unsync pages.
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
