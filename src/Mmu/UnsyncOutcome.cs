namespace MmuDsl.Mmu;

/// <summary>What <c>unsync</c> (<c>mmu_try_to_unsync_pages</c> for the page's gfn) did.</summary>
public enum UnsyncOutcome
{
    /// <summary>Every live level-1 page of the gfn is unsync now (some may have been already).</summary>
    Unsynced,

    /// <summary>Every live level-1 page of the gfn was unsync already: nothing changed.</summary>
    AlreadyUnsync,

    /// <summary>The gfn is also shadowed above level 1 (write-tracked): KVM keeps it write-protected,
    /// so nothing went unsync (<see cref="MmuStats.UnsyncRefused"/>).</summary>
    Refused,
}
