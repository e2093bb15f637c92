using System.CommandLine;
using MmuDsl.Cli.Commands;

namespace MmuDsl.Cli;

/// <summary>
/// <c>mmudsl</c>: a thin layer over src/Dsl. Wires the commands, maps results to exit codes
/// (0 held, 1 failed, 2 could not run; a usage error is 2), and writes only to the writers it is
/// given, so tests capture everything.
/// </summary>
public static class CliApp
{
    /// <summary>Runs the command line; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CliEnvironment env)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(env);
        var root = new RootCommand("mmudsl: run .mmu scenarios against an executable model of KVM's x86 shadow-MMU unsync tracking.");
        root.Add(RunCommand.Create(stdout, stderr, env));
        root.Add(TestCommand.Create(stdout, stderr, env));
        root.Add(DiffCommand.Create(stdout, stderr, env));
        root.Add(ExploreCommand.Create(stdout, stderr, env));
        root.Add(LspCommand.Create(stderr));
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                stderr.WriteLine($"mmudsl: error: {error.Message}");
            }

            stderr.WriteLine("Run 'mmudsl --help' or 'mmudsl COMMAND --help' for usage.");
            return 2;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (IOException e)
        {
            stderr.WriteLine($"mmudsl: error: {e.Message}");
            return 2;
        }
        catch (UnauthorizedAccessException e)
        {
            stderr.WriteLine($"mmudsl: error: {e.Message}");
            return 2;
        }
    }
}
