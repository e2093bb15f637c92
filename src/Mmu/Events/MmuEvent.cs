namespace MmuDsl.Mmu.Events;

/// <summary>
/// Something the engine did, in the kernel's terms. Events are built only when an observer is
/// attached (<see cref="ShadowMmu.Observer"/>), so an engine nobody watches pays nothing.
/// <see cref="Describe"/> renders one line in the style of the kernel's tracepoints.
/// </summary>
public abstract record MmuEvent
{
    /// <summary>One line, in the style of a kernel tracepoint.</summary>
    public abstract string Describe();
}
