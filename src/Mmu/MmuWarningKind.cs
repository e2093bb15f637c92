namespace MmuDsl.Mmu;

/// <summary>The kernel's WARN_ONs on the unsync paths, each a recorded warning in the engine.</summary>
public enum MmuWarningKind
{
    /// <summary><c>clear_unsync_child_bit</c> took <c>unsync_children</c> below zero.</summary>
    UnsyncChildrenUnderflow,

    /// <summary><c>kvm_unlink_unsync_page</c> on a page that is not unsync.</summary>
    UnlinkNotUnsync,

    /// <summary>A batch entry breaks the expectations of <c>mmu_pages_first</c>/<c>mmu_pages_clear_parents</c>.</summary>
    BadBatchPath,

    /// <summary>A walk batched no leaf and cleared no bit: the sync loop would never end.</summary>
    NoProgress,
}
