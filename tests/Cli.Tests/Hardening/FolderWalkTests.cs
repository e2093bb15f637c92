namespace MmuDsl.Cli.Tests.Hardening;

/// <summary>
/// Issue 14, item 5: <c>mmudsl test FOLDER</c> walks each folder once, by its real path; a symbolic
/// link loop is skipped with a warning line, and the run ends with its summary.
/// </summary>
public sealed class FolderWalkTests
{
    private static CliRun Test(params string[] args) => SpecialFiles.WithinSeconds(60, () => CliRun.Of(["test", .. args]));

    [Fact]
    public void LinkToItsOwnFolder_FindsEachFileOnce_AndWarnsOfTheLoop()
    {
        using var dir = new TempDir();
        dir.Write("a.mmu", "expect true\n");
        File.CreateSymbolicLink(Path.Combine(dir.Path, "x"), ".");
        var run = Test(dir.Path, "-v");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"PASS {Path.Combine(dir.Path, "a.mmu")}", Assert.Single(run.Stdout.Split('\n'), l => l.StartsWith("PASS", StringComparison.Ordinal))[..(dir.Path.Length + 11)]);
        Assert.EndsWith("1 passed, 0 failed\n", run.Stdout, StringComparison.Ordinal);
        Assert.Equal($"mmudsl: warning: {Path.Combine(dir.Path, "x")} is a symbolic link loop (back to {dir.Path}, which is being walked): not followed\n", run.Stderr);
    }

    [Fact]
    public void TwoLinksBackUp_Ends()
    {
        using var dir = new TempDir();
        dir.Write("sub/a.mmu", "expect true\n");
        File.CreateSymbolicLink(Path.Combine(dir.Path, "sub", "up"), "..");
        File.CreateSymbolicLink(Path.Combine(dir.Path, "sub", "self"), ".");
        File.CreateSymbolicLink(Path.Combine(dir.Path, "x"), ".");
        var run = Test(dir.Path);
        Assert.Equal(0, run.ExitCode);
        Assert.EndsWith("1 passed, 0 failed\n", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(3, run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.All(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => Assert.Matches("^mmudsl: warning: .* is a symbolic link loop", l));
    }

    [Fact]
    public void LinkToAFolderOutside_IsWalked_AndASecondLinkToIt_IsNot()
    {
        using var outside = new TempDir();
        outside.Write("shared.mmu", "expect true\n");
        using var dir = new TempDir();
        dir.Write("own.mmu", "expect true\n");
        File.CreateSymbolicLink(Path.Combine(dir.Path, "one"), outside.Path);
        File.CreateSymbolicLink(Path.Combine(dir.Path, "two"), outside.Path);
        var run = Test(dir.Path, "-v");
        Assert.Equal(0, run.ExitCode);
        Assert.EndsWith("2 passed, 0 failed\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"PASS {Path.Combine(dir.Path, "one", "shared.mmu")} ", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stderr);
    }

    [Fact]
    public void DanglingLinkNamedMmu_IsAFailingFile_NotACrash()
    {
        using var dir = new TempDir();
        dir.Write("a.mmu", "expect true\n");
        File.CreateSymbolicLink(Path.Combine(dir.Path, "gone.mmu"), "nowhere.mmu");
        var run = Test(dir.Path);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{Path.Combine(dir.Path, "gone.mmu")}: error: cannot read the scenario: no such file\n", run.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("1 passed, 1 failed\n", run.Stdout, StringComparison.Ordinal);
    }
}
