namespace MmuDsl.Cli.Tests.Hardening;

/// <summary>
/// Issue 14, items 1 and 2, from the command line: a FIFO or a device given as a path is one clear
/// error line (exit 2), never a hang or a crash; a FIFO named <c>*.mmu</c> in a tested folder is that
/// file's error, and the run goes on to its summary; a file over <c>--max-file-size</c> is refused.
/// </summary>
public sealed class SpecialFileCliTests
{
    private static CliRun Cli(params string[] args) => SpecialFiles.WithinSeconds(30, () => CliRun.Of(args));

    [LinuxFact]
    public void Run_AFifo_IsOneErrorLine()
    {
        using var dir = new TempDir();
        string fifo = SpecialFiles.Fifo(Path.Combine(dir.Path, "f"));
        var run = Cli("run", fifo);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"{fifo}: error: cannot read the scenario: it is a FIFO (named pipe), not a regular file; only regular files are read\n", run.Stderr);
    }

    [LinuxFact]
    public void Run_DevZero_IsOneErrorLine()
    {
        var run = Cli("run", "/dev/zero");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("/dev/zero: error: cannot read the scenario: it is a character device, not a regular file; only regular files are read\n", run.Stderr);
    }

    [LinuxFact]
    public void Run_IncludeOfAFifo_IsADiagnosticAtTheInclude()
    {
        using var dir = new TempDir();
        SpecialFiles.Fifo(Path.Combine(dir.Path, "f"));
        string main = dir.Write("a.mmu", "include \"f\"\n");
        var run = Cli("run", main);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"{main}:1:9: error: cannot include 'f': it is a FIFO (named pipe), not a regular file", run.Stderr, StringComparison.Ordinal);
    }

    [LinuxFact]
    public void Test_FolderWithAFifoNamedMmu_ReportsItAndGoesOn()
    {
        using var dir = new TempDir();
        dir.Write("a.mmu", "expect true\n");
        string fifo = SpecialFiles.Fifo(Path.Combine(dir.Path, "x.mmu"));
        var run = Cli("test", dir.Path);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"FAIL {fifo}\n{fifo}: error: cannot read the scenario: it is a FIFO (named pipe), not a regular file; only regular files are read\n", run.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("1 passed, 1 failed\n", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_FileOverMaxFileSize_IsRefused()
    {
        using var dir = new TempDir();
        string file = dir.Write("a.mmu", "echo \"a scenario of 35 bytes, say\"\n");
        var run = Cli("run", file, "--max-file-size", "10");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"{file}: error: cannot read the scenario: it is 35 bytes, more than the limit of 10 bytes for a source file (raise it with --max-file-size)\n", run.Stderr);
        Assert.Equal(0, Cli("run", file, "--max-file-size", "35").ExitCode);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    public void Run_MaxFileSizeBelowOne_IsRefused(string value)
    {
        var run = Cli("run", "x.mmu", "--max-file-size", value);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"--max-file-size must be at least 1 byte, not {value}", run.Stderr, StringComparison.Ordinal);
    }
}
