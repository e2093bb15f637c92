namespace MmuDsl.Dsl.Golden;

/// <summary>
/// What writing a planned rewrite did: the file written (the target of a symbolic link), or why
/// it was not (the file is then exactly as it was); and a note to show when it was written but
/// something could not be kept (a hard link).
/// </summary>
public sealed record RewriteOutcome(string Target, string? Error, string? Note)
{
    /// <summary>True when the file was written.</summary>
    public bool Written => Error == null;
}
