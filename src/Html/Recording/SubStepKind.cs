namespace MmuDsl.Html.Recording;

/// <summary>What a sub-step of a statement shows: one stage of a sync or zap loop.</summary>
internal enum SubStepKind
{
    /// <summary><c>mmu_sync_children</c> or <c>mmu_zap_unsync_children</c> begins.</summary>
    Start,

    /// <summary>One <c>mmu_unsync_walk</c>, with the bits it cleared on its way.</summary>
    Walk,

    /// <summary><c>kvm_sync_page</c> of one leaf (and its zap, when the sync failed).</summary>
    SyncPage,

    /// <summary><c>mmu_pages_clear_parents</c> after one leaf: the bits it cleared, bottom-up.</summary>
    ClearParents,

    /// <summary><c>kvm_mmu_prepare_zap_page</c>: the sptes it cleared and the page made invalid.</summary>
    Zap,

    /// <summary>Anything else the loop did (a warning, marking).</summary>
    Other,
}
