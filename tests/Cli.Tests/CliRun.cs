namespace MmuDsl.Cli.Tests;

/// <summary>Runs the command line in-process with captured output.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public static CliRun Of(params string[] args) => With(CliEnvironment.Plain, args);

    public static CliRun With(CliEnvironment env, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        int code = CliApp.Run(args, stdout, stderr, env);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }
}
