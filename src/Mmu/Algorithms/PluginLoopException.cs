namespace MmuDsl.Mmu.Algorithms;

/// <summary>A plug-in's loops ran past the iteration budget of one call (<see cref="PluginGuard"/>).</summary>
public sealed class PluginLoopException : Exception
{
    /// <summary>Makes the exception.</summary>
    public PluginLoopException()
        : base("a loop of the plug-in ran past its iteration budget")
    {
    }

    /// <summary>Makes the exception with a message.</summary>
    public PluginLoopException(string message)
        : base(message)
    {
    }

    /// <summary>Makes the exception with a message and a cause.</summary>
    public PluginLoopException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
