using MmuDsl.Dsl.Runtime;
using MmuDsl.Dsl.Scenarios;

namespace MmuDsl.Dsl.Tests.Runtime;

/// <summary>
/// Runs one case of Cases/ the way the golden pairs expect: as <c>RunText("NAME.mmu", ...)</c>, so
/// the main file prints as its bare name. Includes are resolved by the runner against the current
/// directory (the main path is relative); <see cref="ReadFile"/> maps them back into Cases/, and
/// <see cref="Render"/> prints the current directory of a full path as <c>&lt;dir&gt;/</c>.
/// </summary>
internal static class CaseRun
{
    /// <summary>The name prefix that says which exit code a case must end with.</summary>
    public static int ExpectedExitCode(string name) =>
        name.StartsWith("error-", StringComparison.Ordinal) ? 2 : name.StartsWith("fail-", StringComparison.Ordinal) ? 1 : 0;

    /// <summary>
    /// The options of every case: the defaults, with mutants allowed (one case names one to break an
    /// invariant on purpose) and includes read from Cases/.
    /// </summary>
    public static RunOptions Options { get; } = RunOptions.Default with { ReadFile = ReadFile };

    public static ScenarioResult Run(string name)
    {
        string text = File.ReadAllText(Path.Combine(TestFolders.Cases, name + ".mmu"));
        return ScenarioRunner.RunText(name + ".mmu", text, Options);
    }

    /// <summary>
    /// What a case's .out holds: the merged output of a run that held; otherwise the errors, then
    /// each failure, as printed.
    /// </summary>
    public static string Render(ScenarioResult result)
    {
        string text = result.ExitCode == 0
            ? result.Output
            : string.Concat(result.Errors.Select(e => e.Render())) + string.Concat(result.Failures.Select(f => f.Render()));
        return text.Replace(Directory.GetCurrentDirectory() + Path.DirectorySeparatorChar, "<dir>/", StringComparison.Ordinal);
    }

    private static string ReadFile(string fullPath) =>
        File.ReadAllText(Path.Combine(TestFolders.Cases, Path.GetRelativePath(Directory.GetCurrentDirectory(), fullPath)));
}
