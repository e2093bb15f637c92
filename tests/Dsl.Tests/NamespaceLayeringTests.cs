using System.Text.RegularExpressions;

namespace MmuDsl.Dsl.Tests;

/// <summary>
/// The namespaces of src/Dsl form layers (docs/architecture.md): Syntax at the bottom, then
/// Sources, Output, Golden and Runtime, then Scenarios on top. A cycle between two of them (as
/// Runtime and Scenarios once had, through the source loader) makes every change to one a change
/// to the other; this test reads the sources' <c>using</c> directives and qualified names, and
/// fails on any cycle.
/// </summary>
public sealed partial class NamespaceLayeringTests
{
    [Fact]
    public void The_namespaces_of_the_language_library_have_no_cycle()
    {
        var graph = Dependencies();
        Assert.True(graph.Count >= 5, "too few namespaces found under src/Dsl: " + string.Join(", ", graph.Keys));
        var cycles = new List<string>();
        foreach (var (from, targets) in graph)
        {
            foreach (string to in targets)
            {
                if (Reaches(graph, to, from))
                {
                    cycles.Add($"{from} -> {to} -> ... -> {from}");
                }
            }
        }

        Assert.True(cycles.Count == 0, "namespace cycles in src/Dsl:\n  " + string.Join("\n  ", cycles));
    }

    [Fact]
    public void Scenarios_is_the_top_layer_and_Syntax_the_bottom()
    {
        var graph = Dependencies();
        Assert.Contains("Runtime", graph["Scenarios"]);
        Assert.Contains("Golden", graph["Scenarios"]);
        Assert.DoesNotContain(graph, kv => kv.Value.Contains("Scenarios"));
        Assert.DoesNotContain(graph["Syntax"], n => n != "Syntax.Parsing" && n != "Parsing.Generated");
    }

    // Namespace (below MmuDsl.Dsl) -> the namespaces its files use, parents and children of one
    // another left out (a child sees its parent without a using).
    private static Dictionary<string, HashSet<string>> Dependencies()
    {
        string src = Path.Combine(RepositoryRoot.Path, "src", "Dsl");
        var files = new List<(string Namespace, string Text)>();
        foreach (string file in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(src, file);
            if (relative.StartsWith("obj", StringComparison.Ordinal) || relative.StartsWith("bin", StringComparison.Ordinal))
            {
                continue;
            }

            string text = File.ReadAllText(file);
            var ns = NamespacePattern().Match(text);
            if (ns.Success)
            {
                files.Add((ns.Groups[1].Value, text));
            }
        }

        // The generated parser's namespace is known without a source file.
        var known = files.Select(f => f.Namespace).Append("Parsing.Generated").ToHashSet(StringComparer.Ordinal);
        var graph = known.ToDictionary(n => n, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var (from, text) in files)
        {
            foreach (Match use in UsePattern().Matches(text))
            {
                // The longest known namespace the name begins with (the rest is a type and members).
                string name = use.Groups[1].Value;
                string? to = known.Where(k => name == k || name.StartsWith(k + ".", StringComparison.Ordinal)).MaxBy(k => k.Length);
                if (to != null && !to.StartsWith(from, StringComparison.Ordinal) && !from.StartsWith(to, StringComparison.Ordinal))
                {
                    graph[from].Add(to);
                }
            }
        }

        return graph;
    }

    private static bool Reaches(Dictionary<string, HashSet<string>> graph, string start, string goal)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>([start]);
        while (stack.Count > 0)
        {
            string at = stack.Pop();
            if (at == goal)
            {
                return true;
            }

            if (seen.Add(at) && graph.TryGetValue(at, out var next))
            {
                foreach (string n in next)
                {
                    stack.Push(n);
                }
            }
        }

        return false;
    }

    [GeneratedRegex(@"^namespace MmuDsl\.Dsl\.([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex NamespacePattern();

    // A using directive or a qualified name in code, below MmuDsl.Dsl.
    [GeneratedRegex(@"(?<![\w.])MmuDsl\.Dsl\.([\w.]*\w)")]
    private static partial Regex UsePattern();
}
