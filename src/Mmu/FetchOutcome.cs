namespace MmuDsl.Mmu;

/// <summary>What a link through the page-fault path (<c>FNAME(fetch)</c>) did.</summary>
public enum FetchOutcome
{
    /// <summary>The child was linked (after its unsync children, if any, were synced).</summary>
    Linked,

    /// <summary>The sync of the child before linking it returned -EINTR: nothing was linked and the
    /// fault is retried (<c>RET_PF_RETRY</c>, <see cref="MmuStats.Retries"/>).</summary>
    Retried,
}
