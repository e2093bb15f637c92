namespace MmuDsl.Mmu.Events;

/// <summary>A WARN_ON of the kernel fired.</summary>
public sealed record WarningFired(MmuWarning Warning) : MmuEvent
{
    /// <inheritdoc/>
    public override string Describe() => $"WARN {Warning.Name}: {Warning.Message}";
}
