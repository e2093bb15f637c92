namespace MmuDsl.Cli.Tests.Hardening;

/// <summary>Issue 14, item 8: a limit option outside its setting's range is refused with exit 2 and the range.</summary>
public sealed class LimitOptionTests
{
    [Theory]
    [InlineData("--max-pages", "-1", "--max-pages: max_pages (pages a run may make) must be between 1 and 2,147,483,647, not -1")]
    [InlineData("--max-pages", "0", "--max-pages: max_pages (pages a run may make) must be between 1 and 2,147,483,647, not 0")]
    [InlineData("--max-loop-iterations", "-1", "--max-loop-iterations: max_loop_iterations (loop iterations a run may make) must be between 1 and 9,223,372,036,854,775,807, not -1")]
    public void Run_LimitOptionOutsideItsRange_IsRefused(string option, string value, string message)
    {
        using var dir = new TempDir();
        string file = dir.Write("a.mmu", "echo \"ran\"\n");
        var run = CliRun.Of("run", file, option, value);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains($"mmudsl: error: {message}\n", run.Stderr, StringComparison.Ordinal);
    }
}
