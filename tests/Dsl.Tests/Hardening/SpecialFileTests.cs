using MmuDsl.Dsl.Runtime;
using MmuDsl.Dsl.Scenarios;

namespace MmuDsl.Dsl.Tests.Hardening;

/// <summary>
/// Issue 14, items 1 and 2: only regular files are read, never opened when they are anything
/// else (opening a FIFO waits for a writer; a device never ends), and a source file has a size
/// limit checked before it is read. An include gets a diagnostic at its path; the main file a
/// one-line error.
/// </summary>
public sealed class SpecialFileTests
{
    private static ScenarioResult RunFile(string path, RunOptions? options = null) =>
        SpecialFiles.WithinSeconds(20, () => ScenarioRunner.RunFile(path, options ?? RunOptions.Default));

    private static string IncludeError(string main, string relative, string problem, string full) =>
        $"{main}:1:9: error: cannot include '{relative}': {problem} ({full})\ninclude \"{relative}\"\n        ^\n";

    [LinuxFact]
    public void Include_OfAFifo_IsADiagnosticAtTheInclude_NotAHang()
    {
        using var dir = new TempDir();
        string fifo = SpecialFiles.Fifo(Path.Combine(dir.Path, "f"));
        string main = dir.Write("a.mmu", "include \"f\"\n");
        var result = RunFile(main);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(IncludeError(main, "f", "it is a FIFO (named pipe), not a regular file; only regular files are read", fifo), Assert.Single(result.Errors).Render());
    }

    [LinuxFact]
    public void MainFile_ThatIsAFifo_IsAOneLineError()
    {
        using var dir = new TempDir();
        string fifo = SpecialFiles.Fifo(Path.Combine(dir.Path, "f"));
        var result = RunFile(fifo);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"{fifo}: error: cannot read the scenario: it is a FIFO (named pipe), not a regular file; only regular files are read\n", Assert.Single(result.Errors).Render());
    }

    [LinuxTheory]
    [InlineData("/dev/zero")]
    [InlineData("/dev/full")]
    [InlineData("/dev/null")]
    public void Include_OfADevice_IsADiagnosticAtTheInclude(string device)
    {
        using var dir = new TempDir();
        string main = dir.Write("a.mmu", $"include \"{device}\"\n");
        var result = RunFile(main);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(IncludeError(main, device, "it is a character device, not a regular file; only regular files are read", device), Assert.Single(result.Errors).Render());
    }

    [LinuxFact]
    public void MainFile_ThatIsADevice_IsAOneLineError()
    {
        var result = RunFile("/dev/zero");
        Assert.Equal("/dev/zero: error: cannot read the scenario: it is a character device, not a regular file; only regular files are read\n", Assert.Single(result.Errors).Render());
    }

    [LinuxFact]
    public void Include_OfASocket_IsADiagnosticAtTheInclude()
    {
        using var dir = new TempDir();
        string path = Path.Combine(dir.Path, "s");
        using var socket = SpecialFiles.Socket(path);
        string main = dir.Write("a.mmu", "include \"s\"\n");
        var result = RunFile(main);
        Assert.Equal(IncludeError(main, "s", "it is a socket, not a regular file; only regular files are read", path), Assert.Single(result.Errors).Render());
    }

    [Fact]
    public void Include_ThroughASymlinkToARegularFile_IsRead()
    {
        using var dir = new TempDir();
        dir.Write("real.mmu", "echo \"included\"\n");
        File.CreateSymbolicLink(Path.Combine(dir.Path, "link.mmu"), "real.mmu");
        string main = dir.Write("a.mmu", "include \"link.mmu\"\n");
        var result = RunFile(main);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("included\n", result.Output);
    }

    [Fact]
    public void Include_LargerThanTheLimit_IsRefusedBeforeReading_WithADiagnosticAtTheInclude()
    {
        using var dir = new TempDir();
        string big = dir.Write("big.mmu", new string('#', 2000) + "\n");
        string main = dir.Write("a.mmu", "include \"big.mmu\"\n");
        var result = RunFile(main, RunOptions.Default with { MaxSourceBytes = 1000 });
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(IncludeError(main, "big.mmu", "it is 2,001 bytes, more than the limit of 1,000 bytes for a source file (raise it with --max-file-size)", big), Assert.Single(result.Errors).Render());
    }

    [Fact]
    public void MainFile_LargerThanTheLimit_IsAOneLineError()
    {
        using var dir = new TempDir();
        string big = dir.Write("big.mmu", new string('#', 2000) + "\n");
        var result = RunFile(big, RunOptions.Default with { MaxSourceBytes = 1000 });
        Assert.Equal($"{big}: error: cannot read the scenario: it is 2,001 bytes, more than the limit of 1,000 bytes for a source file (raise it with --max-file-size)\n", Assert.Single(result.Errors).Render());
    }

    [Fact]
    public void SourceFile_AtTheLimit_IsRead()
    {
        using var dir = new TempDir();
        string file = dir.Write("a.mmu", "echo \"at the limit\"\n");
        var result = RunFile(file, RunOptions.Default with { MaxSourceBytes = new FileInfo(file).Length });
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void DefaultLimit_Is64MiB()
    {
        Assert.Equal(64L * 1024 * 1024, RunOptions.Default.MaxSourceBytes);
    }
}
