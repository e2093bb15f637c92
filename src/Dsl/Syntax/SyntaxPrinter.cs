using System.Runtime.CompilerServices;
using System.Text;

namespace MmuDsl.Dsl.Syntax;

/// <summary>
/// Turns a syntax tree back into source text that parses to the same tree (spans aside):
/// one statement per line, blocks indented four spaces, lines ending in <c>\n</c>, golden blocks
/// copied raw, parentheses only where precedence needs them. The round-trip tests use it as an
/// oracle for the parser. A tree too deep for the thread's stack (which the parser never
/// builds) throws <see cref="InsufficientExecutionStackException"/>.
/// </summary>
public static class SyntaxPrinter
{
    /// <summary>The text of a whole file.</summary>
    public static string Print(ScenarioFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var output = new StringBuilder();
        foreach (Statement statement in file.Statements)
        {
            AppendLine(output, statement, 0);
        }

        return output.ToString();
    }

    /// <summary>The text of one statement (its lines, with its golden block), ending in <c>\n</c>.</summary>
    public static string Print(Statement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var output = new StringBuilder();
        AppendLine(output, statement, 0);
        return output.ToString();
    }

    /// <summary>The text of an expression.</summary>
    public static string Print(Expr expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var output = new StringBuilder();
        AppendExpr(output, expression, 0);
        return output.ToString();
    }

    /// <summary>A string literal whose value is <paramref name="text"/> (quotes, backslashes and dollars escaped).</summary>
    public static string Quote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var output = new StringBuilder();
        AppendString(output, new StringExpr([new StringTextPart(text, default)], default));
        return output.ToString();
    }

    /// <summary>The text of a page name.</summary>
    public static string Print(PageName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var output = new StringBuilder();
        AppendName(output, name);
        return output.ToString();
    }

    private static void AppendLine(StringBuilder output, Statement statement, int indent)
    {
        output.Append(' ', indent * 4);
        if (statement.Qualifier is { } qualifier)
        {
            output.Append('@').Append(qualifier.Name).Append(' ');
        }

        AppendStatement(output, statement, indent);
        output.Append('\n');
        if (statement.Golden is { } golden)
        {
            output.Append("----\n").Append(golden.Text).Append("----\n");
        }
    }

    private static void AppendStatement(StringBuilder output, Statement statement, int indent)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (statement)
        {
            case RootStatement s:
                AppendPageDeclaration(output, "root", s.Name, s.Level, s.Gfn, s.Role);
                break;
            case PageStatement s:
                AppendPageDeclaration(output, "page", s.Name, s.Level, s.Gfn, s.Role);
                break;
            case LinkStatement s:
                output.Append("link ");
                AppendIndexed(output, s.Parent, s.Index);
                output.Append(" -> ");
                AppendName(output, s.Child);
                if (s.ViaFetch)
                {
                    output.Append(" via fetch");
                    if (s.InterruptAfter is { } fetchAfter)
                    {
                        output.Append(" interrupt-after ");
                        AppendExpr(output, fetchAfter, 0);
                    }
                }

                break;
            case MapStatement s:
                output.Append("map ");
                AppendIndexed(output, s.Page, s.Index);
                output.Append(s.Large ? " large" : string.Empty);
                break;
            case UnlinkStatement s:
                output.Append("unlink ");
                AppendIndexed(output, s.Page, s.Index);
                break;
            case UnsyncStatement s:
                AppendNamed(output, "unsync", s.Page);
                break;
            case SyncStatement s:
                AppendNamed(output, "sync", s.Page);
                if (s.InterruptAfter is { } after)
                {
                    output.Append(" interrupt-after ");
                    AppendExpr(output, after, 0);
                }

                if (s.YieldAfter is { } yieldAfter)
                {
                    output.Append(" yield-after ");
                    AppendExpr(output, yieldAfter, 0);
                    AppendBlock(output, s.AtYield!, indent);
                }

                break;
            case FailSyncStatement s:
                AppendNamed(output, "fail-sync", s.Page);
                break;
            case ZapStatement s:
                AppendNamed(output, "zap", s.Page);
                break;
            case ZapUnsyncChildrenStatement s:
                AppendNamed(output, "zap-unsync-children", s.Page);
                break;
            case SetStatement s:
                output.Append("set ").Append(s.Name.Name).Append(' ');
                AppendExpr(output, s.Value, 0);
                break;
            case AlgorithmsStatement s:
                output.Append("algorithms");
                foreach (AlgorithmRef entry in s.Entries)
                {
                    output.Append(' ');
                    if (entry.Name is { } name)
                    {
                        output.Append(name.Name);
                    }
                    else
                    {
                        AppendExpr(output, entry.Path!, 0);
                    }
                }

                break;
            case LetStatement s:
                output.Append("let ").Append(s.Name.Name).Append(" = ");
                AppendExpr(output, s.Value, 0);
                break;
            case ForStatement s:
                output.Append("for ").Append(s.Variable.Name).Append(" in ");
                AppendExpr(output, s.From, 0);
                output.Append("..");
                AppendExpr(output, s.To, 0);
                AppendBlock(output, s.Body, indent);
                break;
            case ProcStatement s:
                output.Append("proc ").Append(s.Name.Name).Append('(');
                output.AppendJoin(", ", s.Parameters.Select(p => p.Name));
                output.Append(')');
                AppendBlock(output, s.Body, indent);
                break;
            case CallStatement s:
                output.Append("call ").Append(s.Name.Name).Append('(');
                AppendList(output, s.Arguments);
                output.Append(')');
                break;
            case IncludeStatement s:
                output.Append("include ");
                AppendExpr(output, s.Path, 0);
                break;
            case EchoStatement s:
                output.Append("echo ");
                AppendExpr(output, s.Value, 0);
                break;
            case ShowStatement s:
                output.Append("show");
                if (s.Page is { } page)
                {
                    output.Append(' ');
                    AppendName(output, page);
                }

                break;
            case StatsStatement:
                output.Append("stats");
                break;
            case TraceStatement s:
                output.Append("trace ");
                AppendStatement(output, s.Inner, indent);
                break;
            case ExpectStatement s:
                output.Append("expect ");
                AppendExpr(output, s.Condition, 0);
                break;
            case ExpectInvariantsStatement:
                output.Append("expect invariants");
                break;
            default:
                throw new ArgumentException($"unknown statement {statement.GetType().Name}", nameof(statement));
        }
    }

    private static void AppendPageDeclaration(StringBuilder output, string keyword, PageName name, Expr level, Expr? gfn, Expr? role)
    {
        AppendNamed(output, keyword, name);
        output.Append(" level ");
        AppendExpr(output, level, 0);
        if (gfn is not null)
        {
            output.Append(" gfn ");
            AppendExpr(output, gfn, 0);
        }

        if (role is not null)
        {
            output.Append(" role ");
            AppendExpr(output, role, 0);
        }
    }

    private static void AppendNamed(StringBuilder output, string keyword, PageName name)
    {
        output.Append(keyword).Append(' ');
        AppendName(output, name);
    }

    private static void AppendIndexed(StringBuilder output, PageName name, Expr index)
    {
        AppendName(output, name);
        output.Append('[');
        AppendExpr(output, index, 0);
        output.Append(']');
    }

    private static void AppendBlock(StringBuilder output, Block block, int indent)
    {
        output.Append(" {\n");
        foreach (Statement statement in block.Statements)
        {
            AppendLine(output, statement, indent + 1);
        }

        output.Append(' ', indent * 4).Append('}');
    }

    private static void AppendList(StringBuilder output, IEnumerable<Expr> expressions)
    {
        bool first = true;
        foreach (Expr expression in expressions)
        {
            if (!first)
            {
                output.Append(", ");
            }

            AppendExpr(output, expression, 0);
            first = false;
        }
    }

    private static void AppendName(StringBuilder output, PageName name)
    {
        for (int i = 0; i < name.Parts.Length; i++)
        {
            switch (name.Parts[i])
            {
                case NameTextPart text:
                    output.Append(text.Text);
                    break;
                case NameVariablePart variable when !StartsWithWordCharacter(name.Parts, i + 1):
                    output.Append('$').Append(variable.Name);
                    break;
                case NameVariablePart variable:
                    output.Append("${$").Append(variable.Name).Append('}');
                    break;
                case NameExpressionPart expression:
                    output.Append("${");
                    AppendExpr(output, expression.Expression, 0);
                    output.Append('}');
                    break;
            }
        }
    }

    private static bool StartsWithWordCharacter(IReadOnlyList<NamePart> parts, int index) =>
        index < parts.Count && parts[index] is NameTextPart { Text: [var c, ..] } && IsWordCharacter(c);

    private static bool IsWordCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    /// <summary>
    /// Appends <paramref name="expression"/>, parenthesized when it binds more loosely than
    /// <paramref name="minimum"/> (a binary operator's precedence; unary operators are 7).
    /// </summary>
    private static void AppendExpr(StringBuilder output, Expr expression, int minimum)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (expression)
        {
            case IntLiteral e:
                output.Append(e.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
                break;
            case BoolLiteral e:
                output.Append(e.Value ? "true" : "false");
                break;
            case StringExpr e:
                AppendString(output, e);
                break;
            case SetLiteral e:
                output.Append('{');
                AppendList(output, e.Elements);
                output.Append('}');
                break;
            case VariableExpr e:
                output.Append('$').Append(e.Name);
                break;
            case FieldExpr e:
                AppendName(output, e.Page);
                output.Append('.').Append(e.Field.Name);
                break;
            case StatExpr e:
                output.Append("stat.").Append(e.Counter.Name);
                break;
            case UnaryExpr e:
                output.Append(SyntaxFacts.GetText(e.Operator));
                AppendExpr(output, e.Operand, 7);
                break;
            case BinaryExpr e:
                int precedence = SyntaxFacts.GetPrecedence(e.Operator);
                bool parenthesize = precedence < minimum;
                output.Append(parenthesize ? "(" : string.Empty);
                AppendExpr(output, e.Left, precedence);
                output.Append(' ').Append(SyntaxFacts.GetText(e.Operator)).Append(' ');
                AppendExpr(output, e.Right, precedence + 1);
                output.Append(parenthesize ? ")" : string.Empty);
                break;
            default:
                throw new ArgumentException($"unknown expression {expression.GetType().Name}", nameof(expression));
        }
    }

    private static void AppendString(StringBuilder output, StringExpr text)
    {
        output.Append('"');
        for (int i = 0; i < text.Parts.Length; i++)
        {
            switch (text.Parts[i])
            {
                case StringTextPart part:
                    foreach (char c in part.Text)
                    {
                        output.Append(c is '"' or '\\' or '$' ? "\\" + c : c.ToString());
                    }

                    break;
                case StringExpressionPart { Expression: VariableExpr variable }
                    when !(i + 1 < text.Parts.Length && text.Parts[i + 1] is StringTextPart { Text: [var next, ..] } && IsWordCharacter(next)):
                    output.Append('$').Append(variable.Name);
                    break;
                case StringExpressionPart part:
                    output.Append("${");
                    AppendExpr(output, part.Expression, 0);
                    output.Append('}');
                    break;
            }
        }

        output.Append('"');
    }
}
