using MmuDsl.Explore;
using MmuDsl.Dsl.Runtime;
using MmuDsl.Dsl.Scenarios;
using MmuDsl.Mmu.Algorithms;

namespace MmuDsl.Plugins.Tests;

/// <summary>
/// examples/algorithms re-expresses each built-in as a plug-in file. Each must behave exactly as
/// its built-in: the same output, failures and errors on every shipped scenario, and the same
/// explore report at the default bounds (counts, work, findings), names aside.
/// </summary>
public sealed class ExampleEquivalenceTests
{
    public static TheoryData<string, string> ScenarioCases()
    {
        var data = new TheoryData<string, string>();
        foreach (string file in Directory.EnumerateFiles(PluginFiles.Scenarios, "*.mmu", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (Path.GetFileName(Path.GetDirectoryName(file)) == "common")
            {
                continue;
            }

            foreach (string builtin in new[] { "legacy", "recursive", "eager" })
            {
                data.Add(builtin, Path.GetRelativePath(PluginFiles.Scenarios, file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ScenarioCases))]
    public void Example_OnEveryShippedScenario_PrintsAndFailsAsItsBuiltin(string builtin, string scenario)
    {
        string file = Path.Combine(PluginFiles.Scenarios, scenario);
        string example = Path.Combine(PluginFiles.Examples, builtin + ".cs");
        string name = builtin + "_cs";

        // The same script, with the built-in's name in `algorithms` and `@NAME` turned into the example's.
        string text = File.ReadAllText(file);
        string renamed = ForExample(text, builtin, example);
        var byBuiltin = ScenarioRunner.RunText(file, text, RunOptions.Default with { Algorithms = [builtin] });
        var byExample = ScenarioRunner.RunText(file, renamed, RunOptions.Default with { Algorithms = [example] });

        Assert.Equal(byBuiltin.Skipped, byExample.Skipped);
        if (byBuiltin.Skipped)
        {
            return;
        }

        Assert.Equal([name], byExample.Algorithms);
        Assert.Equal(Texts(byBuiltin), Texts(byExample).Select(t => t.Replace(name, builtin, StringComparison.Ordinal)));
        Assert.Equal(
            byBuiltin.Failures.Where(f => f.Kind != FailureKind.GoldenBlock).Select(f => f.Render()),
            byExample.Failures.Where(f => f.Kind != FailureKind.GoldenBlock).Select(f => f.Render().Replace(name, builtin, StringComparison.Ordinal)));
        Assert.Equal(byBuiltin.Errors.Select(e => e.Render()), byExample.Errors.Select(e => e.Render().Replace(name, builtin, StringComparison.Ordinal)));
        Assert.Equal(Stats(byBuiltin), Stats(byExample));
    }

    [Theory]
    [InlineData("legacy", "recursive")]
    [InlineData("legacy", "eager")]
    public void Example_AtTheDefaultBounds_ExploresExactlyAsItsBuiltin(string first, string second)
    {
        var loader = PluginLoader.Default;
        var a = first == "legacy" && second == "recursive" ? loader.Load(Path.Combine(PluginFiles.Examples, "legacy.cs")).Algorithm! : WalkAlgorithms.Find(first)!;
        var b = loader.Load(Path.Combine(PluginFiles.Examples, second + ".cs")).Algorithm!;

        var builtins = Explorer.Run(ExploreOptions.Default with { First = WalkAlgorithms.Find(first)!, Second = WalkAlgorithms.Find(second)! });
        var examples = Explorer.Run(ExploreOptions.Default with { First = a, Second = b });

        Assert.Equal(builtins.Shapes, examples.Shapes);
        Assert.Equal(builtins.States, examples.States);
        Assert.Equal(builtins.Transitions, examples.Transitions);
        Assert.Equal(builtins.Computed, examples.Computed);
        Assert.Equal(builtins.Clean, examples.Clean);
        Assert.Equal(builtins.FirstWork, examples.FirstWork);
        Assert.Equal(builtins.SecondWork, examples.SecondWork);
        foreach (var (cls, count) in builtins.Classes)
        {
            var other = examples.Classes[cls];
            Assert.Equal(count.Count, other.Count);
            Assert.Equal(count.Smallest?.Operations, other.Smallest?.Operations);
            Assert.Equal(count.Smallest?.Shape.ToString(), other.Smallest?.Shape.ToString());
        }
    }

    // `algorithms ... BUILTIN ...` names the example's file instead; `@BUILTIN` becomes `@BUILTIN_cs`.
    private static string ForExample(string text, string builtin, string example)
    {
        var lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            if (line.StartsWith("algorithms ", StringComparison.Ordinal))
            {
                lines[i] = string.Join(' ', line.Split(' ').Select(w => w == builtin ? MmuDsl.Dsl.Syntax.SyntaxPrinter.Quote(example) : w));
            }

            lines[i] = lines[i].Replace("@" + builtin + " ", "@" + builtin + "_cs ", StringComparison.Ordinal);
        }

        return string.Join('\n', lines);
    }

    private static List<string> Texts(ScenarioResult result) => [.. result.Runs.SelectMany(r => r.Output).Select(o => o.Text)];

    private static List<string> Stats(ScenarioResult result) => [.. result.Runs.Select(r => r.Engine.Stats.Snapshot().ToString())];
}
