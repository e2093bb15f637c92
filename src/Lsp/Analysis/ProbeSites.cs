using MmuDsl.Dsl.Syntax;

namespace MmuDsl.Lsp.Analysis;

/// <summary>
/// For each statement of a file (blocks and <c>trace</c> included), the page names and counters
/// written in it outside nested statements: where <see cref="StepRecorder"/> records.
/// </summary>
internal static class ProbeSites
{
    public static IReadOnlyDictionary<Statement, object[]> Of(ScenarioFile file)
    {
        var sites = new Dictionary<Statement, object[]>(ReferenceEqualityComparer.Instance);
        var found = new List<object>();
        foreach (var statement in file.Statements)
        {
            Visit(statement, sites, found);
        }

        return sites;
    }

    // Depth is bounded by the parser's nesting limits.
    private static void Visit(Statement statement, Dictionary<Statement, object[]> sites, List<object> found)
    {
        int start = found.Count;
        foreach (var child in SyntaxNodes.ChildrenOf(statement))
        {
            Collect(child, sites, found);
        }

        if (found.Count > start)
        {
            sites[statement] = [.. found.Skip(start)];
            found.RemoveRange(start, found.Count - start);
        }
    }

    private static void Collect(object node, Dictionary<Statement, object[]> sites, List<object> found)
    {
        switch (node)
        {
            case Statement inner:
                Visit(inner, sites, found);
                return;
            case Block block:
                foreach (var s in block.Statements)
                {
                    Visit(s, sites, found);
                }

                return;
            case PageName or StatExpr:
                found.Add(node);
                break;
            case IntLiteral or BoolLiteral or Identifier or NameTextPart or StringTextPart:
                return;
        }

        foreach (var child in SyntaxNodes.ChildrenOf(node))
        {
            Collect(child, sites, found);
        }
    }
}
