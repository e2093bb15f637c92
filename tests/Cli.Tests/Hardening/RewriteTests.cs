using System.Diagnostics;
using System.Text;
using MmuDsl.Dsl.Golden;

namespace MmuDsl.Cli.Tests.Hardening;

/// <summary>
/// Issue 14, items 10 to 13: <c>test --rewrite</c> replaces exactly the bytes of the blocks it
/// rewrites and keeps everything else about the file: a symbolic link stays a link (its target is
/// written), the mode stays, a hard link it cannot keep is said; a file that cannot be written is
/// that file's error and the run goes on to its summary; the temporary file of a killed run is
/// removed by the next run once its process is gone.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class RewriteTests
{
    private const string Stale = "echo \"new\"\n----\nold\n----\n";
    private const string Fixed = "echo \"new\"\n----\nnew\n----\n";

    private static CliRun Rewrite(params string[] paths) => CliRun.Of(["test", "--rewrite", .. paths]);

    [Fact]
    public void Rewrite_ReplacesOnlyTheBlocksBytes_KeepingABomMixedLineEndsNulsAndEmoji()
    {
        using var dir = new TempDir();
        string path = Path.Combine(dir.Path, "b.mmu");
        byte[] Head(string tail) => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("# \0 caf\u00e9 \U0001F600 crlf\r\n# \u2028 lf\n" + tail + "# trailing, no final line break")];
        File.WriteAllBytes(path, Head(Stale));
        var run = Rewrite(path);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(Head(Fixed), File.ReadAllBytes(path));
    }

    [Fact]
    public void Rewrite_OfAFileThatIsNotUtf8_IsRefusedBeforeAnyWrite()
    {
        using var dir = new TempDir();
        string path = Path.Combine(dir.Path, "c.mmu");
        byte[] bytes = [.. Encoding.UTF8.GetBytes("# caf"), 0xE9, .. Encoding.UTF8.GetBytes("\n" + Stale)];
        File.WriteAllBytes(path, bytes);
        var run = Rewrite(path);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{path}:1:6: error: not valid UTF-8: byte 0xE9", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(bytes, File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void Rewrite_OfASymlink_WritesItsTarget_AndTheLinkStaysALink()
    {
        using var dir = new TempDir();
        string target = dir.Write("real/t.mmu", Stale);
        string link = Path.Combine(dir.Path, "l.mmu");
        File.CreateSymbolicLink(link, Path.Combine("real", "t.mmu"));
        var run = Rewrite(link);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"rewrote {link} (the target of the link, {target}): golden block of line 1", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(Path.Combine("real", "t.mmu"), new FileInfo(link).LinkTarget);
        Assert.Equal(Fixed, File.ReadAllText(target));
    }

    [Theory]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead)]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead)]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute)]
    public void Rewrite_KeepsTheFileMode_ReadOnlyIncluded(UnixFileMode mode)
    {
        using var dir = new TempDir();
        string path = dir.Write("m.mmu", Stale);
        File.SetUnixFileMode(path, mode);
        var run = Rewrite(path);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(Fixed, File.ReadAllText(path));
        Assert.Equal(mode, File.GetUnixFileMode(path));
    }

    [Fact]
    public void Rewrite_OfAHardLinkedFile_SaysTheOtherLinkKeepsTheOldText()
    {
        using var dir = new TempDir();
        string path = dir.Write("h.mmu", Stale);
        string other = Path.Combine(dir.Path, "other-name.txt");
        using (var ln = Process.Start(new ProcessStartInfo("ln", [path, other]) { UseShellExecute = false })!)
        {
            ln.WaitForExit();
            Assert.Equal(0, ln.ExitCode);
        }

        var run = Rewrite(path);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(Fixed, File.ReadAllText(path));
        Assert.Equal(Stale, File.ReadAllText(other));
        Assert.Equal($"mmudsl: warning: {path} had 2 hard links: the rewritten file is a new file, so the other link keeps the old text\n", run.Stderr);
    }

    [Fact]
    public void Rewrite_AFileThatCannotBeWritten_IsThatFilesError_AndTheRunGoesOnToItsSummary()
    {
        using var dir = new TempDir();
        string blocked = dir.Write("a/blocked.mmu", Stale);
        string later = dir.Write("b/later.mmu", Stale);
        // Whoever runs the test (root too): the temporary file's path is taken by a folder.
        Directory.CreateDirectory(RewriteFile.TemporaryFor(blocked, Environment.ProcessId));
        var run = Rewrite(dir.Path);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"FAIL {blocked}\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"{blocked}: error: cannot rewrite it: ", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"rewrote {later}: golden block of line 1\n", run.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("1 passed, 1 failed\n", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(Stale, File.ReadAllText(blocked));
        Assert.Equal(Fixed, File.ReadAllText(later));
    }

    [Fact]
    public void Rewrite_InAReadOnlyFolder_IsThatFilesError_WhenTheUserCannotWriteThere()
    {
        using var dir = new TempDir();
        string locked = dir.Write("locked/a.mmu", Stale);
        string later = dir.Write("open/b.mmu", Stale);
        string folder = Path.GetDirectoryName(locked)!;
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            bool writable = CanCreateIn(folder);
            var run = Rewrite(dir.Path);
            Assert.EndsWith(writable ? "2 passed, 0 failed\n" : "1 passed, 1 failed\n", run.Stdout, StringComparison.Ordinal);
            Assert.Equal(Fixed, File.ReadAllText(later));
            Assert.Equal(writable ? Fixed : Stale, File.ReadAllText(locked));
        }
        finally
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public void Rewrite_OfAFileChangedSinceItsRun_IsRefused()
    {
        using var dir = new TempDir();
        string path = dir.Write("c.mmu", Stale);
        var result = MmuDsl.Dsl.Scenarios.ScenarioRunner.RunFile(path, MmuDsl.Dsl.Runtime.RunOptions.Default);
        var plan = Assert.Single(GoldenRewriter.Plan(result));
        File.WriteAllText(path, Stale + "# edited meanwhile\n");
        var outcome = GoldenRewriter.Apply(plan);
        Assert.False(outcome.Written);
        Assert.Equal("the file changed since it was run; run again to rewrite it", outcome.Error);
        Assert.Equal(Stale + "# edited meanwhile\n", File.ReadAllText(path));
    }

    [Fact]
    public void NextRun_RemovesTheTemporaryFileOfAProcessThatIsGone_AndKeepsALiveOnes()
    {
        using var dir = new TempDir();
        string path = dir.Write("big.mmu", Fixed);
        int gone;
        using (var p = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!)
        {
            p.WaitForExit();
            gone = p.Id;
        }

        string stale = RewriteFile.TemporaryFor(path, gone);
        string live = RewriteFile.TemporaryFor(path, Environment.ProcessId);
        string foreign = Path.Combine(dir.Path, ".big.mmu.notapid.rewrite.tmp");
        File.WriteAllText(stale, "half written");
        File.WriteAllText(live, "being written");
        File.WriteAllText(foreign, "not ours");
        var run = Rewrite(dir.Path);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"removed {stale}: left by a rewrite whose process is gone\n", run.Stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(live));
        Assert.True(File.Exists(foreign));
        Assert.Equal(Fixed, File.ReadAllText(path));
    }

    private static bool CanCreateIn(string folder)
    {
        string probe = Path.Combine(folder, ".probe");
        try
        {
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
