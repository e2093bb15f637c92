namespace MmuDsl.Mmu;

/// <summary>How a <c>mmu_sync_children</c> (or a zap's walk loop) ended.</summary>
public enum SyncOutcome
{
    /// <summary>A walk returned 0: the loop is done (the kernel returns 0).</summary>
    Done,

    /// <summary><c>need_resched</c> without permission to yield: -EINTR, KVM_REQ_MMU_SYNC requested.</summary>
    Interrupted,

    /// <summary>A walk batched no leaf and cleared no bit: the kernel would loop forever; the
    /// engine fired the <c>no-progress</c> warning and stopped.</summary>
    NoProgress,
}
