namespace MmuDsl.Dsl.Tests.Runtime;

/// <summary>
/// Golden pairs: each Cases/NAME.mmu runs, and what it prints must equal Cases/NAME.out exactly. A
/// name says the exit code: <c>error-*</c> 2 (a runtime error), <c>fail-*</c> 1 (an expectation,
/// golden block or warning failed), anything else 0. Files under Cases/inc/ are only included.
/// To write the .out files after an intended change, run with MMUDSL_WRITE_RUNTIME_CASES=1 and read
/// every changed .out before committing it (never in CI).
/// </summary>
public sealed class GoldenPairTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (string path in Directory.EnumerateFiles(TestFolders.Cases, "*.mmu", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_Run_PrintsItsOutFileAndExitCode(string name)
    {
        var result = CaseRun.Run(name);
        string actual = CaseRun.Render(result);
        string outPath = Path.Combine(TestFolders.Cases, name + ".out");
        if (Environment.GetEnvironmentVariable("MMUDSL_WRITE_RUNTIME_CASES") == "1")
        {
            File.WriteAllText(outPath, actual);
        }

        string expected = File.ReadAllText(outPath).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Equal(expected, actual);
        Assert.Equal(CaseRun.ExpectedExitCode(name), result.ExitCode);
        Assert.False(result.Skipped);
        if (result.ExitCode == 0)
        {
            Assert.All(result.GoldenBlocks, block => Assert.True(block.Holds));
        }
    }

    [Fact]
    public void Cases_EveryScriptHasAnOutFile_AndEveryOutFileAScript()
    {
        var scripts = Directory.EnumerateFiles(TestFolders.Cases, "*.mmu").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList();
        var outs = Directory.EnumerateFiles(TestFolders.Cases, "*.out").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(scripts, outs);
        Assert.True(scripts.Count >= 90, $"only {scripts.Count} cases found in {TestFolders.Cases}");
    }
}
