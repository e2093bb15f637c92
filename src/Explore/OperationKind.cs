namespace MmuDsl.Explore;

/// <summary>The operations the explorer applies.</summary>
public enum OperationKind : byte
{
    /// <summary><c>unsync L</c> (<c>mmu_try_to_unsync_pages</c> for L's gfn).</summary>
    Unsync,

    /// <summary><c>sync P</c>.</summary>
    Sync,

    /// <summary><c>sync P interrupt-after 1</c>.</summary>
    SyncInterrupted,

    /// <summary><c>fail-sync L</c>.</summary>
    FailSync,

    /// <summary><c>zap P</c>.</summary>
    Zap,

    /// <summary><c>unlink P[s]</c>.</summary>
    Unlink,

    /// <summary><c>link P[s] -> C</c>, linking whatever C holds (<c>explore --raw-link</c>).</summary>
    Link,

    /// <summary><c>link P[s] -> C via fetch</c>: the page-fault path, which syncs C first (the default).</summary>
    LinkFetch,

    /// <summary><c>link P[s] -> C via fetch interrupt-after 1</c>: that sync returns -EINTR, nothing is linked.</summary>
    LinkFetchInterrupted,

    /// <summary><c>sync P yield-after 1 { X }</c>: a sync that yields after its first batch, with one
    /// operation X at the yield point (<c>explore --yield</c>).</summary>
    SyncYield,
}
