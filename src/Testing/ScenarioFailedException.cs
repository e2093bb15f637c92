using MmuDsl.Dsl.Scenarios;

namespace MmuDsl.Testing;

/// <summary>A scenario did not hold; the message has its diagnostics and diffs, as <c>mmudsl test</c> prints them.</summary>
public sealed class ScenarioFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ScenarioFailedException(string message, ScenarioResult result)
        : base(message)
    {
        Result = result;
    }

    /// <summary>Creates the exception (prefer the result-taking constructor).</summary>
    public ScenarioFailedException()
        : base("scenario failed")
    {
    }

    /// <summary>Creates the exception (prefer the result-taking constructor).</summary>
    public ScenarioFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception (prefer the result-taking constructor).</summary>
    public ScenarioFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The run, for a test that wants to look further.</summary>
    public ScenarioResult? Result { get; }
}
