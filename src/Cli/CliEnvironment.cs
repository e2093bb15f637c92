namespace MmuDsl.Cli;

/// <summary>What the command line needs from its surroundings, injected so tests can fake it.</summary>
public sealed record CliEnvironment(bool IsCi, bool OutputIsTerminal, bool NoColorRequested)
{
    /// <summary>How often a long command (explore) prints a progress line to standard error when it is not a terminal.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The real process: <c>CI</c> and <c>NO_COLOR</c> from the environment, a terminal if stdout is not redirected.</summary>
    public static CliEnvironment FromProcess() => new(
        IsCi: !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")),
        OutputIsTerminal: !Console.IsOutputRedirected,
        NoColorRequested: !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")));

    /// <summary>A plain environment for tests: not CI, not a terminal.</summary>
    public static CliEnvironment Plain { get; } = new(false, false, false);
}
