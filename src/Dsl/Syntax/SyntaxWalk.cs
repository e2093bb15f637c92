namespace MmuDsl.Dsl.Syntax;

/// <summary>Walks syntax trees: every statement (nested ones too) and the expressions below them.</summary>
internal static class SyntaxWalk
{
    /// <summary>Every statement, depth first, in source order (bodies of <c>for</c>/<c>proc</c>, the statement of <c>trace</c>).</summary>
    public static IEnumerable<Statement> Statements(IEnumerable<Statement> statements)
    {
        var stack = new Stack<IEnumerator<Statement>>();
        stack.Push(statements.GetEnumerator());
        while (stack.Count > 0)
        {
            var top = stack.Peek();
            if (!top.MoveNext())
            {
                stack.Pop().Dispose();
                continue;
            }

            var s = top.Current;
            yield return s;
            switch (s)
            {
                case ForStatement f:
                    stack.Push(((IEnumerable<Statement>)f.Body.Statements).GetEnumerator());
                    break;
                case ProcStatement p:
                    stack.Push(((IEnumerable<Statement>)p.Body.Statements).GetEnumerator());
                    break;
                case SyncStatement { AtYield: { } atYield }:
                    stack.Push(((IEnumerable<Statement>)atYield.Statements).GetEnumerator());
                    break;
                case TraceStatement t:
                    stack.Push(((IEnumerable<Statement>)new[] { t.Inner }).GetEnumerator());
                    break;
            }
        }
    }

    /// <summary>True when some <c>expect</c> of the file names <c>stat.warnings</c>.</summary>
    public static bool ExpectsNameWarnings(ScenarioFile file) =>
        Statements(file.Statements).OfType<ExpectStatement>().Any(e => Names(e.Condition, "warnings"));

    private static bool Names(Expr root, string counter)
    {
        var stack = new Stack<Expr>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case StatExpr s when s.Counter.Name == counter:
                    return true;
                case UnaryExpr u:
                    stack.Push(u.Operand);
                    break;
                case BinaryExpr b:
                    stack.Push(b.Left);
                    stack.Push(b.Right);
                    break;
                case SetLiteral set:
                    foreach (var e in set.Elements)
                    {
                        stack.Push(e);
                    }

                    break;
                case StringExpr str:
                    foreach (var part in str.Parts)
                    {
                        if (part is StringExpressionPart x)
                        {
                            stack.Push(x.Expression);
                        }
                    }

                    break;
            }
        }

        return false;
    }
}
