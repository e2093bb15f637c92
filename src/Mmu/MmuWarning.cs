namespace MmuDsl.Mmu;

/// <summary>A fired WARN_ON: its kind and what the engine saw.</summary>
public sealed record MmuWarning(MmuWarningKind Kind, string Message)
{
    /// <summary>The warning's name as scripts and traces print it, e.g. <c>no-progress</c>.</summary>
    public string Name => NameOf(Kind);

    /// <summary>The printed name of a warning kind.</summary>
    public static string NameOf(MmuWarningKind kind) => kind switch
    {
        MmuWarningKind.UnsyncChildrenUnderflow => "unsync-children-underflow",
        MmuWarningKind.UnlinkNotUnsync => "unlink-not-unsync",
        MmuWarningKind.BadBatchPath => "bad-batch-path",
        MmuWarningKind.NoProgress => "no-progress",
        _ => kind.ToString(),
    };

    /// <inheritdoc/>
    public override string ToString() => $"{Name}: {Message}";
}
