namespace MmuDsl.Cli.Tests.Hardening;

/// <summary>Issue 14, item 3, from the command line: <c>--max-output</c> bounds the output; what was printed before the limit is on standard output.</summary>
public sealed class OutputLimitCliTests
{
    [Fact]
    public void Run_OutputPastMaxOutput_PrintsUpToTheLimit_ThenTheDiagnostic()
    {
        using var dir = new TempDir();
        string file = dir.Write("o.mmu", "for i in 0..1000000 {\necho \"line $i\"\n}\n");
        var run = CliRun.Of("run", file, "--max-output", "21", "-a", "legacy");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("line 0\nline 1\nline 2\n", run.Stdout);
        Assert.StartsWith($"{file}:2:1: error: output limit reached: this run would print more than 21 characters (raise it with 'set max_output N' or --max-output)\n", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MaxOutputBelowOne_IsRefused()
    {
        var run = CliRun.Of("run", "x.mmu", "--max-output", "0");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--max-output: max_output (characters of output a run may print) must be between 1 and", run.Stderr, StringComparison.Ordinal);
    }
}
