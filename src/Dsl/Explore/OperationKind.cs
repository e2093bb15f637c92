namespace MmuDsl.Dsl.Explore;

/// <summary>The operations the explorer applies.</summary>
public enum OperationKind : byte
{
    /// <summary><c>unsync L</c>.</summary>
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

    /// <summary><c>link P[s] -> C</c>.</summary>
    Link,
}
