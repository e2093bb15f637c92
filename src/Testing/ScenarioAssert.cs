using System.Text;
using MmuDsl.Dsl.Runtime;
using MmuDsl.Dsl.Scenarios;

namespace MmuDsl.Testing;

/// <summary>Asserts that a scenario holds: no error, every expectation and golden block held, no stray warning.</summary>
public static class ScenarioAssert
{
    /// <summary>
    /// Runs the scenario under its algorithms; throws <see cref="ScenarioFailedException"/> with the
    /// diagnostics and unified diffs when it does not hold. A skipped scenario passes. As in
    /// <c>mmudsl test</c>, a golden block with per-algorithm sections needs one for every algorithm
    /// that runs it.
    /// </summary>
    public static ScenarioResult Passes(string path, RunOptions? options = null)
    {
        var result = ScenarioRunner.RunFile(path, (options ?? RunOptions.Default) with { RequireGoldenSections = true });
        if (result.ExitCode != 0)
        {
            var sb = new StringBuilder();
            sb.Append(path).Append(result.ExitCode == 2 ? " could not run:\n" : " failed:\n");
            foreach (var e in result.Errors)
            {
                sb.Append(e);
            }

            foreach (var f in result.Failures)
            {
                sb.Append(f.Render());
            }

            throw new ScenarioFailedException(sb.ToString(), result);
        }

        return result;
    }
}
