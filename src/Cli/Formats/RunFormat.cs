using System.CommandLine;
using MmuDsl.Dsl.Runtime;

namespace MmuDsl.Cli.Formats;

/// <summary>
/// One output format of <c>mmudsl run</c> (<c>--format NAME</c>): its name, any options of its
/// own, and how it runs the files and prints them. A new format is one class deriving from this
/// (or from <see cref="ScenarioByScenarioFormat"/>) and one line in <see cref="RunFormats"/>.
/// An instance serves one invocation of the command, so it may gather state (JUnit's cases).
/// </summary>
internal abstract class RunFormat
{
    /// <summary>The name after <c>--format</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Adds the format's own options to the command (checked against <paramref name="format"/>).</summary>
    public virtual void AddOptions(Command command, Option<string> format)
    {
    }

    /// <summary>Runs <paramref name="paths"/> and prints them; returns the exit code.</summary>
    public abstract int Run(IReadOnlyList<string> paths, RunOptions options, FormatContext context);
}
