using System.Text.Json;

namespace MmuDsl.Html.Tests.Cli;

/// <summary><c>mmudsl run|diff --format html</c> and <c>explore --html</c>: files, exit codes, what they hold.</summary>
public sealed class HtmlCommandTests
{
    private const string Chain = "root R level 3\npage Q level 2\npage L level 1\nlink R[0] -> Q\nlink Q[0] -> L\nunsync L\n";

    // The README's example: an interrupted sync leaves recursive a stale path; its next batch is
    // full before it reaches L2, so the algorithms disagree on which page is synced.
    private const string ProgressDiffers = """
        set pvec 3
        root R1 level 3
        page B1 level 2
        page B2 level 2
        page L1 level 1
        page L2 level 1
        link R1[0] -> B1
        link R1[1] -> B2
        link B1[0] -> L1
        link B2[0] -> L2
        unsync L1
        sync R1 interrupt-after 1
        unsync L2
        sync R1 interrupt-after 1

        """;

    [Fact]
    public void Run_FormatHtml_WritesOneSelfContainedPage()
    {
        using var dir = new ScratchDir();
        string scenario = dir.Write("chain.mmu", Chain + "sync R\nshow R\n");
        string report = dir.File("chain.html");
        var run = Mmudsl.Run("run", "--format", "html", scenario, "-o", report);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains($"{report}: report of 8 steps", run.Stderr, StringComparison.Ordinal);
        string html = File.ReadAllText(report);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("Content-Security-Policy\" content=\"default-src 'none'", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script src", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        using var data = Mmudsl.Data(html);
        Assert.Equal(["legacy", "recursive"], data.RootElement.GetProperty("algorithms").EnumerateArray().Select(a => a.GetString()!).ToArray());
        Assert.Equal(8, data.RootElement.GetProperty("steps").GetArrayLength());
        Assert.Equal(Chain + "sync R\nshow R\n", data.RootElement.GetProperty("files")[0].GetProperty("text").GetString());
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp"));
    }

    [Fact]
    public void Run_FormatHtml_WithoutOutput_WritesThePageToStandardOutput()
    {
        using var dir = new ScratchDir();
        var run = Mmudsl.Run("run", "--format", "html", dir.Write("a.mmu", Chain));
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("<!DOCTYPE html>", run.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_FormatHtml_FailedExpectationAndGoldenBlock_Exit1_TheReportMarksThemAtTheirLines()
    {
        using var dir = new ScratchDir();
        string scenario = dir.Write("fails.mmu", Chain + "expect !L.unsync\nshow Q\n----\nQ L2 wrong\n----\n");
        string report = dir.File("fails.html");
        var run = Mmudsl.Run("run", "--format", "html", scenario, "-o", report);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("expectation failed [legacy]: !L.unsync", run.Stderr, StringComparison.Ordinal);
        using var data = Mmudsl.Data(File.ReadAllText(report));
        var failures = data.RootElement.GetProperty("failures").EnumerateArray().ToList();
        Assert.Contains(failures, f => f.GetProperty("l").GetInt32() == 7 && f.GetProperty("kind").GetString() == "Expectation" && f.GetProperty("alg").GetString() == "recursive");
        Assert.Contains(failures, f => f.GetProperty("l").GetInt32() == 8 && f.GetProperty("kind").GetString() == "GoldenBlock"
            && f.GetProperty("details").GetString()!.Contains("-Q L2 wrong", StringComparison.Ordinal));
        Assert.Equal(1, data.RootElement.GetProperty("exit").GetInt32());
    }

    [Fact]
    public void Run_FormatHtml_SyntaxError_Exit2_AndNoFile()
    {
        using var dir = new ScratchDir();
        string report = dir.File("bad.html");
        var run = Mmudsl.Run("run", "--format", "html", dir.Write("bad.mmu", "root R level\n"), "-o", report);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("no report written", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(report));
    }

    [Fact]
    public void Run_FormatHtml_RuntimeError_Exit2_TheReportShowsTheRunUpToIt()
    {
        using var dir = new ScratchDir();
        string report = dir.File("stops.html");
        var run = Mmudsl.Run("run", "--format", "html", dir.Write("stops.mmu", Chain + "sync Nope\n"), "-o", report);
        Assert.Equal(2, run.ExitCode);
        using var data = Mmudsl.Data(File.ReadAllText(report));
        var steps = data.RootElement.GetProperty("steps");
        Assert.Equal(1, steps[steps.GetArrayLength() - 1][6].GetInt32());
        // The error as a value, placed at its statement (the main file, its line and column).
        var error = data.RootElement.GetProperty("errors")[0];
        Assert.Contains("unknown page 'Nope'", error.GetProperty("msg").GetString(), StringComparison.Ordinal);
        Assert.Equal("Runtime", error.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, error.GetProperty("alg").ValueKind);
        Assert.Equal((0, steps[steps.GetArrayLength() - 1][1].GetInt32(), 6), (error.GetProperty("f").GetInt32(), error.GetProperty("l").GetInt32(), error.GetProperty("c").GetInt32()));
        Assert.StartsWith(dir.File("stops.mmu") + ":", error.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_FormatHtml_UnwritableTarget_Exit2_AndNothingHalfWritten()
    {
        using var dir = new ScratchDir();
        string blocker = dir.Write("blocker", "a file, not a folder");
        var run = Mmudsl.Run("run", "--format", "html", dir.Write("a.mmu", Chain), "-o", Path.Combine(blocker, "a.html"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("cannot write the report to", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(["a.mmu", "blocker"], Directory.GetFiles(dir.Path).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void Run_SeveralScenarios_NeedAFolder_ThenGetAPageEach()
    {
        using var dir = new ScratchDir();
        string a = dir.Write("a.mmu", Chain);
        string b = dir.Write("b.mmu", Chain + "sync R\n");
        var refused = Mmudsl.Run("run", "--format", "html", a, b);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("give a folder with -o DIR", refused.Stderr, StringComparison.Ordinal);

        string folder = Path.Combine(dir.Path, "reports");
        var run = Mmudsl.Run("run", "--format", "html", a, b, "-o", folder);
        Assert.Equal(0, run.ExitCode);
        Assert.True(File.Exists(Path.Combine(folder, "a.html")) && File.Exists(Path.Combine(folder, "b.html")));
    }

    [Fact]
    public void Output_WithoutFormatHtml_AndADrawLimitBelowOne_AreUsageErrors()
    {
        using var dir = new ScratchDir();
        string a = dir.Write("a.mmu", Chain);
        var text = Mmudsl.Run("run", a, "-o", dir.File("a.html"));
        Assert.Equal(2, text.ExitCode);
        Assert.Contains("-o writes a report file: it goes with --format html", text.Stderr, StringComparison.Ordinal);
        var limit = Mmudsl.Run("run", "--format", "html", a, "--draw-limit", "0");
        Assert.Equal(2, limit.ExitCode);
        Assert.Contains("--draw-limit must be at least 1", limit.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_DrawLimit_BelowThePages_MakesALargeReport()
    {
        using var dir = new ScratchDir();
        var run = Mmudsl.Run("run", "--format", "html", dir.Write("a.mmu", Chain), "--draw-limit", "2");
        Assert.Equal(0, run.ExitCode);
        using var data = Mmudsl.Data(run.Stdout);
        Assert.True(data.RootElement.GetProperty("large").GetBoolean());
        Assert.Equal(2, data.RootElement.GetProperty("limit").GetInt32());
    }

    [Fact]
    public void Diff_FormatHtml_OpensAtTheFirstDifference_Exit0WhenTheSemanticStatesAgree()
    {
        using var dir = new ScratchDir();
        string report = dir.File("diff.html");
        var run = Mmudsl.Run("diff", "--format", "html", Repo.Scenario("seed-review/05-glorified-nop.mmu"), "-o", report);
        Assert.Equal(0, run.ExitCode);
        using var data = Mmudsl.Data(File.ReadAllText(report));
        var root = data.RootElement;
        Assert.True(root.GetProperty("diff").GetBoolean());
        int frame = 0;
        foreach (var step in root.GetProperty("steps").EnumerateArray())
        {
            frame += step[4].GetInt32();
            if (step[1].GetInt32() == 30)
            {
                break;
            }

            frame++;
        }

        Assert.Equal(frame, root.GetProperty("initial").GetInt32());
        Assert.Contains(root.GetProperty("summary").EnumerateArray(), l => l[0].GetString()!.StartsWith("first metadata difference after line 30: B:", StringComparison.Ordinal));
    }

    [Fact]
    public void Diff_FormatHtml_SemanticDifference_Exit1()
    {
        using var dir = new ScratchDir();
        var run = Mmudsl.Run("diff", "--format", "html", dir.Write("p.mmu", ProgressDiffers));
        Assert.Equal(1, run.ExitCode);
        using var data = Mmudsl.Data(run.Stdout);
        Assert.Contains(data.RootElement.GetProperty("summary").EnumerateArray(), l => l[0].GetString()!.StartsWith("first semantic difference after line 14: L2: sync syncs=1 (legacy) against unsync syncs=0 (recursive)", StringComparison.Ordinal));
    }

    [Fact]
    public void Diff_FormatHtml_ThreeAlgorithms_IsRefused()
    {
        using var dir = new ScratchDir();
        var run = Mmudsl.Run("diff", "--format", "html", dir.Write("a.mmu", Chain), "-a", "legacy", "-a", "recursive", "-a", "mutant_no_stale_clear");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("diff compares exactly two algorithms", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Explore_Html_WritesAReportBesideEachRepro()
    {
        using var dir = new ScratchDir();
        var run = Mmudsl.Run("explore", "--roots", "2", "--pages", "1", "--max-level", "2", "--ops", "2", "-a", "legacy", "-a", "mutant_no_stale_clear", "--html", dir.Path);
        Assert.Equal(1, run.ExitCode);
        var repros = Directory.GetFiles(dir.Path, "*.mmu");
        Assert.NotEmpty(repros);
        foreach (var repro in repros)
        {
            string report = Path.ChangeExtension(repro, ".html");
            Assert.True(File.Exists(report), $"no report beside {repro}");
            Assert.Contains($"report: {report}", run.Stdout, StringComparison.Ordinal);
            using var data = Mmudsl.Data(File.ReadAllText(report));
            Assert.Equal(["legacy", "mutant_no_stale_clear"], data.RootElement.GetProperty("algorithms").EnumerateArray().Select(a => a.GetString()!).ToArray());
            Assert.Equal(1, data.RootElement.GetProperty("exit").GetInt32());
        }
    }

    [Fact]
    public void Explore_Html_AndAnotherReproFolder_IsAUsageError()
    {
        using var dir = new ScratchDir();
        var run = Mmudsl.Run("explore", "--ops", "1", "--html", dir.File("a"), "-o", dir.File("b"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--html DIR writes the reports beside the repros", run.Stderr, StringComparison.Ordinal);
    }
}
