using MmuDsl.Dsl.Runtime;
using MmuDsl.Dsl.Scenarios;

namespace MmuDsl.Dsl.Tests.Hardening;

/// <summary>
/// Issue 14, item 3: output has a limit like loops and pages (<c>set max_output N</c>, every
/// statement's output and trace line counted), with a diagnostic at the statement that would cross
/// it; and output is written as it is produced where the format allows, the same text the merged
/// output would have been.
/// </summary>
public sealed class OutputLimitTests
{
    private static readonly RunOptions LegacyOnly = RunOptions.Default with { Algorithms = ["legacy"] };

    [Fact]
    public void Reproducer_EchoOfAThousandCharactersThreeMillionTimes_StopsAtTheLimitWithADiagnosticAtTheEcho()
    {
        string text = $"set max_output 100000\nlet s = \"{new string('x', 1000)}\"\nfor i in 0..3000000 {{\n    echo \"$s\"\n}}\n";
        var result = ScenarioRunner.RunText("o.mmu", text, LegacyOnly);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            "o.mmu:4:5: error: output limit reached: this run would print more than 100,000 characters (raise it with 'set max_output N' or --max-output)\n    echo \"$s\"\n    ^\n",
            Assert.Single(result.Errors).Render());
        Assert.Equal(99, result.Runs[0].Output.Count);
    }

    [Fact]
    public void DefaultLimit_IsAHundredMillionCharacters()
    {
        Assert.Equal(100_000_000, RunOptions.Default.MaxOutputChars);
    }

    [Fact]
    public void OutputUpToTheLimit_IsFine()
    {
        var result = ScenarioRunner.RunText("o.mmu", "set max_output 4\necho \"abc\"\n", LegacyOnly);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("abc\n", result.Output);
    }

    [Fact]
    public void TraceLines_CountTowardsTheLimit()
    {
        const string text = "set max_output 100\nroot R level 2\npage L level 1\nlink R[0] -> L\nunsync L\ntrace sync R\n";
        var result = ScenarioRunner.RunText("o.mmu", text, LegacyOnly);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("o.mmu:6:1: error: output limit reached: this run would print more than 100 characters", Assert.Single(result.Errors).Render(), StringComparison.Ordinal);
    }

    [Fact]
    public void TraceAll_CountsTowardsTheLimit()
    {
        const string text = "root R level 2\npage L level 1\nlink R[0] -> L\nunsync L\nsync R\n";
        var result = ScenarioRunner.RunText("o.mmu", text, LegacyOnly with { TraceAll = true, MaxOutputChars = 50 });
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("output limit reached", Assert.Single(result.Errors).Render(), StringComparison.Ordinal);
    }

    [Fact]
    public void SetMaxOutput_OutsideItsRange_IsADiagnostic()
    {
        var result = ScenarioRunner.RunText("o.mmu", "set max_output 0\n", LegacyOnly);
        Assert.Contains("max_output (characters of output a run may print) must be between 1 and 9,223,372,036,854,775,807, not 0", Assert.Single(result.Errors).Render(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LiveOutput_IsWrittenWhileTheRunIsStillGoing()
    {
        using var firstWrite = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var writer = new GateWriter(firstWrite, release);
        var run = Task.Run(() => ScenarioRunner.RunText("o.mmu", "echo \"first\"\nfor i in 0..1000 {\necho \"$i\"\n}\n", RunOptions.Default, writer));
        Assert.True(firstWrite.Wait(TimeSpan.FromSeconds(30)), "nothing was written");
        Assert.False(run.IsCompleted);
        release.Set();
        var result = await run;
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        Assert.StartsWith("first\n0\n1\n", writer.ToString(), StringComparison.Ordinal);
    }

    public static TheoryData<string> Texts()
    {
        var data = new TheoryData<string>
        {
            "echo \"same\"\n@legacy echo \"only legacy\"\necho \"after\"\n",
            "@recursive echo \"only recursive\"\necho \"x\"\n",
            "root R level 2\npage L level 1\nlink R[0] -> L\nunsync L\nsync R interrupt-after 1\nshow\nstats\n",
            "echo \"a\"\n@legacy unsync Nowhere\necho \"b\"\n",
            "echo \"a\"\n@recursive unsync Nowhere\necho \"b\"\n",
            "@legacy echo \"l\"\n",
            string.Empty,
        };
        foreach (string path in Runtime.TestFolders.ShippedScenarios)
        {
            data.Add(File.ReadAllText(path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void LiveOutput_IsExactlyTheMergedOutput(string text)
    {
        var gathered = ScenarioRunner.RunText("m.mmu", text, RunOptions.Default);
        var writer = new StringWriter();
        var live = ScenarioRunner.RunText("m.mmu", text, RunOptions.Default, writer);
        Assert.Equal(gathered.Output, writer.ToString());
        Assert.Equal(gathered.ExitCode, live.ExitCode);
    }

    private sealed class GateWriter(ManualResetEventSlim firstWrite, ManualResetEventSlim release) : StringWriter
    {
        public override void Write(string? value)
        {
            base.Write(value);
            if (!firstWrite.IsSet)
            {
                firstWrite.Set();
                release.Wait(TimeSpan.FromSeconds(30));
            }
        }
    }
}
