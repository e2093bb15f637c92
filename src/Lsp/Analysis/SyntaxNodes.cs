using MmuDsl.Dsl.Syntax;

namespace MmuDsl.Lsp.Analysis;

/// <summary>
/// The syntax tree as nodes with children, for the editor features: statements, blocks,
/// expressions, page names and their parts, identifiers. Depth is bounded by the parser's limits
/// (64 blocks, 256 nested expressions), so recursion over it is safe.
/// </summary>
internal static class SyntaxNodes
{
    /// <summary>The span of a node.</summary>
    public static SourceSpan SpanOf(object node) => node switch
    {
        Statement s => s.Span,
        Expr e => e.Span,
        PageName n => n.Span,
        NamePart p => p.Span,
        StringPart p => p.Span,
        Identifier i => i.Span,
        Block b => b.Span,
        _ => default,
    };

    /// <summary>The direct children of a node, in source order (a block's statements are its children; a statement's block is one child).</summary>
    public static IReadOnlyList<object> ChildrenOf(object node)
    {
        switch (node)
        {
            case RootStatement s:
                return Items(s.Name, s.Level, s.Gfn, s.Role);
            case PageStatement s:
                return Items(s.Name, s.Level, s.Gfn, s.Role);
            case LinkStatement s:
                return Items(s.Parent, s.Index, s.Child, s.InterruptAfter);
            case MapStatement s:
                return Items(s.Page, s.Index);
            case UnlinkStatement s:
                return Items(s.Page, s.Index);
            case UnsyncStatement s:
                return Items(s.Page);
            case SyncStatement s:
                return Items(s.Page, s.InterruptAfter, s.YieldAfter, s.AtYield);
            case FailSyncStatement s:
                return Items(s.Page);
            case ZapStatement s:
                return Items(s.Page);
            case ZapUnsyncChildrenStatement s:
                return Items(s.Page);
            case SetStatement s:
                return Items(s.Name, s.Value);
            case AlgorithmsStatement s:
                return [.. s.Entries.Select(e => (object?)e.Name ?? e.Path!)];
            case LetStatement s:
                return Items(s.Name, s.Value);
            case ForStatement s:
                return Items(s.Variable, s.From, s.To, s.Body);
            case ProcStatement s:
                return [s.Name, .. s.Parameters, s.Body];
            case CallStatement s:
                return [s.Name, .. s.Arguments];
            case IncludeStatement s:
                return Items(s.Path);
            case EchoStatement s:
                return Items(s.Value);
            case ShowStatement s:
                return Items(s.Page);
            case TraceStatement s:
                return Items(s.Inner);
            case ExpectStatement s:
                return Items(s.Condition);
            case Block b:
                return [.. b.Statements];
            case BinaryExpr e:
                return Items(e.Left, e.Right);
            case UnaryExpr e:
                return Items(e.Operand);
            case SetLiteral e:
                return [.. e.Elements];
            case FieldExpr e:
                return Items(e.Page, e.Field);
            case StatExpr e:
                return Items(e.Counter);
            case StringExpr e:
                return [.. e.Parts];
            case StringExpressionPart p:
                return Items(p.Expression);
            case PageName n:
                return n.Parts.Length == 1 && n.Parts[0] is NameTextPart ? [] : [.. n.Parts];
            case NameExpressionPart p:
                return Items(p.Expression);
            default:
                return [];
        }
    }

    /// <summary>Every node under <paramref name="node"/>, itself first, depth first in source order.</summary>
    public static IEnumerable<object> DescendantsAndSelf(object node)
    {
        var stack = new Stack<object>();
        stack.Push(node);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            yield return current;
            var children = ChildrenOf(current);
            for (int i = children.Count - 1; i >= 0; i--)
            {
                stack.Push(children[i]);
            }
        }
    }

    /// <summary>Every node of a file, statements of blocks included, depth first in source order.</summary>
    public static IEnumerable<object> All(ScenarioFile file) => file.Statements.SelectMany(s => DescendantsAndSelf(s));

    /// <summary>
    /// The nodes that contain <paramref name="offset"/>, outermost (a top-level statement) first,
    /// innermost last; a node contains the offset at its end too (the cursor just after a name).
    /// Empty when no statement does.
    /// </summary>
    public static IReadOnlyList<object> PathTo(ScenarioFile file, int offset)
    {
        var path = new List<object>();
        IEnumerable<object> level = file.Statements;
        while (true)
        {
            object? hit = null;
            foreach (var node in level)
            {
                var span = SpanOf(node);
                if (span.Start <= offset && offset <= span.End && span.Path == file.Path)
                {
                    hit = node;

                    // A name ending where the next starts: prefer the later one only when the
                    // offset is inside it, not at its start.
                    if (offset < span.End)
                    {
                        break;
                    }
                }
                else if (span.Start > offset)
                {
                    break;
                }
            }

            if (hit == null)
            {
                return path;
            }

            path.Add(hit);
            level = ChildrenOf(hit);
        }
    }

    private static object[] Items(params object?[] items)
    {
        int count = 0;
        foreach (var item in items)
        {
            count += item == null ? 0 : 1;
        }

        if (count == items.Length)
        {
            return items!;
        }

        var present = new object[count];
        int at = 0;
        foreach (var item in items)
        {
            if (item != null)
            {
                present[at++] = item;
            }
        }

        return present;
    }
}
