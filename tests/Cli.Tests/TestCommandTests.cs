namespace MmuDsl.Cli.Tests;

public sealed class TestCommandTests
{
    private const string Scenario = "root R level 3\npage Q level 2\npage L level 1\nlink R[0] -> Q\nlink Q[0] -> L\nunsync L\nsync R interrupt-after 1\n# a comment that must survive\nshow Q\n----\n----\nexpect !L.unsync\n";

    [Fact]
    public void Test_EndsWithTotals_AndNamesFailingFiles()
    {
        using var dir = new TempDir();
        dir.Write("ok.mmu", "expect 1 + 1 == 2\n");
        dir.Write("sub/bad.mmu", "expect 1 + 1 == 3\n");
        var run = CliRun.Of("test", dir.Path);
        Assert.Equal(1, run.ExitCode);
        Assert.EndsWith("1 passed, 1 failed\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("FAIL " + Path.Combine(dir.Path, "sub", "bad.mmu"), run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_Verbose_ListsEveryFileWithWhatRanAndTheTime()
    {
        using var dir = new TempDir();
        dir.Write("a.mmu", "expect 1 + 1 == 2\n");
        dir.Write("b.mmu", "algorithms legacy\nexpect 1 + 1 == 3\n");
        var run = CliRun.Of("test", dir.Path, "-v");
        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"PASS .*a\.mmu \(legacy, recursive; [0-9]+ ms\)\n", run.Stdout);
        Assert.Matches(@"FAIL .*b\.mmu \(legacy; [0-9]+ ms\)\n", run.Stdout);
        Assert.EndsWith("1 passed, 1 failed\n", run.Stdout, StringComparison.Ordinal);

        // Without -v, passing files are not listed.
        Assert.DoesNotContain("PASS", CliRun.Of("test", dir.Path).Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_Filter_SelectsFiles()
    {
        using var dir = new TempDir();
        dir.Write("one.mmu", "expect true\n");
        dir.Write("two.mmu", "expect false\n");
        var run = CliRun.Of("test", dir.Path, "--filter", "one");
        Assert.Equal(0, run.ExitCode);
        Assert.EndsWith("1 passed, 0 failed\n", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_GoldenMismatch_ShowsUnifiedDiff()
    {
        using var dir = new TempDir();
        dir.Write("g.mmu", "echo \"actual\"\n----\nexpected\n----\n");
        var run = CliRun.Of("test", dir.Path);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("golden block differs [legacy]", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("-expected\n+actual\n", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Rewrite_FillsBlocks_PerAlgorithmSections_AndSecondRewriteChangesNothing()
    {
        using var dir = new TempDir();
        string file = dir.Write("s.mmu", Scenario);
        var first = CliRun.Of("test", "--rewrite", dir.Path);
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("rewrote " + file, first.Stdout, StringComparison.Ordinal);
        string after = File.ReadAllText(file);
        Assert.Equal(
            Scenario.Replace("show Q\n----\n----\n", "show Q\n----\n@legacy\nQ L2 unsync_children=0 bitmap={}\n  [0] L L1 sync\n@recursive\nQ L2 unsync_children=1 bitmap={0}\n  [0] L L1 sync\n----\n", StringComparison.Ordinal),
            after);
        var second = CliRun.Of("test", "--rewrite", dir.Path);
        Assert.Equal(0, second.ExitCode);
        Assert.DoesNotContain("rewrote", second.Stdout, StringComparison.Ordinal);
        Assert.Equal(after, File.ReadAllText(file));
    }

    [Fact]
    public void Rewrite_KeepsCrlf()
    {
        using var dir = new TempDir();
        string file = dir.Write("crlf.mmu", "# crlf\r\necho \"x\"\r\n----\r\nold\r\n----\r\nexpect true\r\n");
        var run = CliRun.Of("test", "--rewrite", dir.Path);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("# crlf\r\necho \"x\"\r\n----\r\nx\r\n----\r\nexpect true\r\n", File.ReadAllText(file));
    }

    [Fact]
    public void Rewrite_RefusedOnCi()
    {
        using var dir = new TempDir();
        string file = dir.Write("s.mmu", Scenario);
        var run = CliRun.With(CliEnvironment.Plain with { IsCi = true }, "test", "--rewrite", dir.Path);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("CI", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(Scenario, File.ReadAllText(file));
    }

    [Fact]
    public void Rewrite_NeverTouchesAFileWhoseRunStoppedOnAnError()
    {
        using var dir = new TempDir();
        string text = "echo \"x\"\n----\nold\n----\nunsync Nope\n";
        string file = dir.Write("e.mmu", text);
        var run = CliRun.Of("test", "--rewrite", dir.Path);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(text, File.ReadAllText(file));
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Test_FormatJunit_IsXmlWithOneCasePerFile()
    {
        using var dir = new TempDir();
        dir.Write("ok.mmu", "expect true\n");
        dir.Write("bad.mmu", "expect false\n");
        var run = CliRun.Of("test", "--format", "junit", dir.Path);
        Assert.Equal(1, run.ExitCode);
        var doc = System.Xml.Linq.XDocument.Parse(run.Stdout);
        var suite = doc.Root!.Element("testsuite")!;
        Assert.Equal("2", suite.Attribute("tests")!.Value);
        Assert.Equal("1", suite.Attribute("failures")!.Value);
        Assert.Single(suite.Elements("testcase"), c => c.Element("failure") != null);
        Assert.Equal("1 passed, 1 failed\n", run.Stderr);
    }

    [Fact]
    public void Test_SkippedScenario_IsCountedAsSkipped()
    {
        using var dir = new TempDir();
        dir.Write("only-legacy.mmu", "algorithms legacy\nexpect true\n");
        var run = CliRun.Of("test", dir.Path, "--algorithm", "recursive");
        Assert.Equal(0, run.ExitCode);
        Assert.EndsWith("0 passed, 0 failed, 1 skipped\n", run.Stdout, StringComparison.Ordinal);
    }
}
