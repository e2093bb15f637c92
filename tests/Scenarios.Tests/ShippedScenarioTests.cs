using MmuDsl.Testing;

namespace MmuDsl.Scenarios.Tests;

/// <summary>The golden suite: every shipped scenario is its own test case; a failure names the file and shows the diff.</summary>
public sealed class ShippedScenarioTests
{
    public static IEnumerable<object[]> Scenarios()
    {
        string root = ScenarioFiles.Locate("scenarios");
        return ScenarioFiles.Under("scenarios").Select(p => new object[] { Path.GetRelativePath(Path.GetDirectoryName(root)!, p).Replace('\\', '/') });
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void ShippedScenario_Holds(string scenario)
    {
        string root = Path.GetDirectoryName(ScenarioFiles.Locate("scenarios"))!;
        var result = ScenarioAssert.Passes(Path.Combine(root, scenario));
        Assert.NotEmpty(result.Algorithms);
    }

    [Fact]
    public void Suite_HasAtLeastThirtyScenarios_InEveryFolder()
    {
        var all = ScenarioFiles.Under("scenarios");
        Assert.True(all.Count >= 30, $"only {all.Count} scenarios");
        string root = ScenarioFiles.Locate("scenarios");
        foreach (var folder in new[] { "basics", "sharing", "batches", "zapping", "interruption", "scripting", "seed-review", "eager", "kernel" })
        {
            Assert.Contains(all, p => Path.GetRelativePath(root, p).StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal));
        }
    }
}
