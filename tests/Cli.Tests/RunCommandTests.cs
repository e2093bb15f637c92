namespace MmuDsl.Cli.Tests;

public sealed class RunCommandTests
{
    private const string Chain = "root R level 3\npage Q level 2\npage L level 1\nlink R[0] -> Q\nlink Q[0] -> L\nunsync L\n";

    [Fact]
    public void Run_PassingScenario_PrintsOutputOnce_Exit0()
    {
        using var dir = new TempDir();
        string file = dir.Write("a.mmu", Chain + "echo \"hello\"\nshow R\n");
        var run = CliRun.Of("run", file);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("hello\nR L3 root unsync_children=1 bitmap={0}\n  [0] Q L2 unsync_children=1 bitmap={0}\n    [0] L L1 unsync\n", run.Stdout);
        Assert.Equal(string.Empty, run.Stderr);
    }

    [Fact]
    public void Run_OutputThatDiffersByAlgorithm_PrintsSections()
    {
        using var dir = new TempDir();
        string file = dir.Write("a.mmu", Chain + "sync R interrupt-after 1\nshow Q\n");
        var run = CliRun.Of("run", file);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("@legacy\nQ L2 unsync_children=0 bitmap={}\n  [0] L L1 sync\n@recursive\nQ L2 unsync_children=1 bitmap={0}\n  [0] L L1 sync\n", run.Stdout);
    }

    [Fact]
    public void Run_FailedExpectation_Exit1_WithValuesAndPageLines()
    {
        using var dir = new TempDir();
        string file = dir.Write("a.mmu", Chain + "expect R.unsync_children == 0\n");
        var run = CliRun.Of("run", file, "--algorithm", "legacy");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{file}:7:8: expectation failed [legacy]: R.unsync_children == 0\n", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("  R.unsync_children = 1\n", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("  show: R L3 root unsync_children=1 bitmap={0}\n", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_SyntaxError_Exit2_WithCaret()
    {
        using var dir = new TempDir();
        string file = dir.Write("bad.mmu", "root R level 4\nlink R[0 -> Q\n");
        var run = CliRun.Of("run", file);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"{file}:2:", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("\nlink R[0 -> Q\n", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("^", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_RuntimeErrorUnderOneAlgorithm_IsTaggedWithIt()
    {
        using var dir = new TempDir();
        string file = dir.Write("a.mmu", Chain + "@recursive zap Q\nunsync Q\n");
        var run = CliRun.Of("run", file);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error [recursive]:", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("error [legacy]:", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MissingFile_Exit2()
    {
        var run = CliRun.Of("run", "/nonexistent/nope.mmu");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no such file", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_AFolder_Exit2_SaysItIsAFolder()
    {
        using var dir = new TempDir();
        var run = CliRun.Of("run", dir.Path);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("it is a folder", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnknownOption_Exit2()
    {
        var run = CliRun.Of("run", "--frobnicate", "x.mmu");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--frobnicate", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnknownAlgorithm_Exit2()
    {
        var run = CliRun.Of("run", "--algorithm", "quantum", "x.mmu");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown algorithm 'quantum'", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("test")]
    [InlineData("diff")]
    public void Help_OnEveryCommand_Exit0(string command)
    {
        var run = CliRun.Of(command, "--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--algorithm", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_FormatJson_OneObjectPerScenario()
    {
        using var dir = new TempDir();
        string a = dir.Write("a.mmu", Chain + "expect L.unsync\n");
        string b = dir.Write("b.mmu", Chain + "expect !L.unsync\n");
        var run = CliRun.Of("run", "--format", "json", a, b);
        Assert.Equal(1, run.ExitCode);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var first = System.Text.Json.JsonDocument.Parse(lines[0]);
        using var second = System.Text.Json.JsonDocument.Parse(lines[1]);
        Assert.Equal("passed", first.RootElement.GetProperty("status").GetString());
        Assert.Equal("failed", second.RootElement.GetProperty("status").GetString());
        Assert.Equal(7, second.RootElement.GetProperty("failures")[0].GetProperty("line").GetInt32());
    }

    [Fact]
    public void Run_FormatJson_ErrorsAreObjects_WithLineAndColumnAsNumbers()
    {
        using var dir = new TempDir();
        string file = dir.Write("e.mmu", "root R level 2\nfor i in 0..3 {\n  page R level 1\n}\n");
        var run = CliRun.Of("run", "--format", "json", file);
        Assert.Equal(2, run.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(run.Stdout);
        var error = json.RootElement.GetProperty("errors")[0];
        Assert.Equal("runtime", error.GetProperty("kind").GetString());
        Assert.Equal(file, error.GetProperty("file").GetString());
        Assert.Equal(3, error.GetProperty("line").GetInt32());
        Assert.Equal(8, error.GetProperty("column").GetInt32());
        Assert.Contains("declared twice", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.StartsWith($"{file}:3:8: error: ", error.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_FormatDot_PrintsADigraph()
    {
        using var dir = new TempDir();
        string file = dir.Write("a.mmu", Chain + "show\n");
        var run = CliRun.Of("run", "--format", "dot", file);
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("digraph ", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"R\" -> \"Q\"", run.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("}\n", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WarningNotNamedByExpect_FailsTheRun()
    {
        using var dir = new TempDir();
        string file = dir.Write("a.mmu", "set pvec 2\nroot R level 4\npage A level 3\npage B level 2\npage L level 1\nlink R[0] -> A\nlink A[0] -> B\nlink B[0] -> L\nunsync L\nsync R\n");
        var run = CliRun.Of("run", file);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("warning [legacy]: no-progress", run.Stderr, StringComparison.Ordinal);
    }
}
