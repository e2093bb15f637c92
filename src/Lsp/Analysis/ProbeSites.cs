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
        var pending = new Stack<Statement>(file.Statements.Reverse());
        while (pending.Count > 0)
        {
            var statement = pending.Pop();
            var found = new List<object>();
            var nodes = new Stack<object>(SyntaxNodes.ChildrenOf(statement).Reverse());
            while (nodes.Count > 0)
            {
                var node = nodes.Pop();
                switch (node)
                {
                    case Statement inner:
                        pending.Push(inner);
                        continue;
                    case Block block:
                        foreach (var s in block.Statements.Reverse())
                        {
                            pending.Push(s);
                        }

                        continue;
                    case PageName or StatExpr:
                        found.Add(node);
                        break;
                }

                foreach (var child in SyntaxNodes.ChildrenOf(node).Reverse())
                {
                    nodes.Push(child);
                }
            }

            if (found.Count > 0)
            {
                sites[statement] = [.. found];
            }
        }

        return sites;
    }
}
