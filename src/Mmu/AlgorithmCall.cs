namespace MmuDsl.Mmu;

/// <summary>The points at which the engine calls its algorithm (ShadowMmu.Algorithm.cs).</summary>
internal enum AlgorithmCall
{
    /// <summary><c>mmu_unsync_walk</c>.</summary>
    Walk,

    /// <summary>One batch of <c>mmu_sync_children</c>.</summary>
    SyncBatch,

    /// <summary>One batch of <c>mmu_zap_unsync_children</c>.</summary>
    ZapBatch,

    /// <summary><c>mark_unsync</c>, from <c>link_shadow_page</c>.</summary>
    MarkUnsync,

    /// <summary><c>kvm_mmu_mark_parents_unsync</c>, from <c>kvm_unsync_page</c>.</summary>
    MarkParentsUnsync,
}
