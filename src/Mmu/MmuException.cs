namespace MmuDsl.Mmu;

/// <summary>
/// The one exception the engine throws: a caller asked for something the kernel would never do
/// (an unknown or zapped page, a level mismatch, an occupied slot, an index out of range, unsync
/// above level 1, ...). The message says what was wrong and what is allowed. The engine's state
/// is unchanged when it is thrown: every operation checks before it changes anything. The one
/// exception to that rule is <see cref="AlgorithmFailedException"/>: the algorithm's own code
/// failed midway, and the state is what it left.
/// </summary>
public class MmuException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MmuException(MmuErrorKind kind, string message)
        : base(message)
    {
        Kind = kind;
    }

    /// <summary>Creates the exception (for serializers and tools; prefer the kind-taking constructor).</summary>
    public MmuException()
        : this(MmuErrorKind.BadArgument, "engine misuse")
    {
    }

    /// <summary>Creates the exception (for serializers and tools; prefer the kind-taking constructor).</summary>
    public MmuException(string message)
        : this(MmuErrorKind.BadArgument, message)
    {
    }

    /// <summary>Creates the exception (for serializers and tools; prefer the kind-taking constructor).</summary>
    public MmuException(string message, Exception innerException)
        : base(message, innerException)
    {
        Kind = MmuErrorKind.BadArgument;
    }

    /// <summary>Creates the exception with its kind and cause.</summary>
    protected MmuException(MmuErrorKind kind, string message, Exception innerException)
        : base(message, innerException)
    {
        Kind = kind;
    }

    /// <summary>What kind of misuse it was.</summary>
    public MmuErrorKind Kind { get; }
}
