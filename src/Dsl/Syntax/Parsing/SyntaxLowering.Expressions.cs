using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;
using Antlr4.Runtime;
using MmuDsl.Dsl.Parsing.Generated;

namespace MmuDsl.Dsl.Syntax.Parsing;

internal sealed partial class SyntaxLowering
{
    private static readonly BigInteger MinValueMagnitude = BigInteger.Pow(2, 63);

    private Expr LowerExpr(MmuParser.ExprContext context)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (context)
        {
            case MmuParser.PrimaryExprContext c:
                return LowerPrimary(c.primary());
            case MmuParser.UnaryExprContext c when c.op.Type == MmuParser.MINUS
                && c.expr() is MmuParser.PrimaryExprContext { } operand && operand.primary() is MmuParser.IntLiteralContext literal:
                // `-9223372036854775808` is one literal; its magnitude alone would overflow.
                IntLiteral magnitude = LowerInt(literal.INT().Symbol, negated: true);
                return magnitude.Value == long.MinValue
                    ? magnitude with { Span = Span(c) }
                    : new UnaryExpr(UnaryOperator.Negate, magnitude, Span(c));
            case MmuParser.UnaryExprContext c:
                return new UnaryExpr(c.op.Type == MmuParser.NOT ? UnaryOperator.Not : UnaryOperator.Negate, LowerExpr(c.expr()), Span(c));
            case MmuParser.BinaryExprContext c:
                return LowerBinaryChain(c);
            default:
                throw new InvalidOperationException($"no lowering for {context.GetType().Name}");
        }
    }

    /// <summary>
    /// A left-associative chain is a left-deep parse tree: walk down its left spine in a loop and
    /// build back up, so that only right operands (bounded by precedence and by the limits) recurse.
    /// </summary>
    private Expr LowerBinaryChain(MmuParser.BinaryExprContext top)
    {
        var spine = new Stack<MmuParser.BinaryExprContext>();
        MmuParser.ExprContext current = top;
        while (current is MmuParser.BinaryExprContext binary)
        {
            spine.Push(binary);
            current = binary.expr(0);
        }

        Expr result = LowerExpr(current);
        while (spine.Count > 0)
        {
            MmuParser.BinaryExprContext binary = spine.Pop();
            result = new BinaryExpr(BinaryOperatorOf(binary.op), result, LowerExpr(binary.expr(1)), Span(binary));
        }

        return result;
    }

    private static BinaryOperator BinaryOperatorOf(IToken op) => op.Type switch
    {
        MmuParser.STAR => BinaryOperator.Multiply,
        MmuParser.SLASH => BinaryOperator.Divide,
        MmuParser.PERCENT => BinaryOperator.Remainder,
        MmuParser.PLUS => BinaryOperator.Add,
        MmuParser.MINUS => BinaryOperator.Subtract,
        MmuParser.LT => BinaryOperator.Less,
        MmuParser.LE => BinaryOperator.LessOrEqual,
        MmuParser.GT => BinaryOperator.Greater,
        MmuParser.GE => BinaryOperator.GreaterOrEqual,
        MmuParser.IN => BinaryOperator.In,
        MmuParser.EQ => BinaryOperator.Equal,
        MmuParser.NE => BinaryOperator.NotEqual,
        MmuParser.AND => BinaryOperator.And,
        MmuParser.OR => BinaryOperator.Or,
        _ => throw new InvalidOperationException($"not a binary operator: {op.Text}"),
    };

    private Expr LowerPrimary(MmuParser.PrimaryContext context)
    {
        SourceSpan span = Span(context);
        return context switch
        {
            MmuParser.IntLiteralContext c => LowerInt(c.INT().Symbol, negated: false),
            MmuParser.BoolLiteralContext c => new BoolLiteral(c.TRUE() is not null, span),
            MmuParser.StringLiteralContext c => LowerString(c.@string()),
            MmuParser.SetLiteralContext c => new SetLiteral([.. c.expr().Select(LowerExpr)], span),
            MmuParser.ParenthesizedContext c => LowerExpr(c.expr()),
            MmuParser.StatFieldContext c => new StatExpr(new Identifier(names.Intern(c.anyName().GetText()), Span(c.anyName())), span),
            MmuParser.PageFieldContext c =>
                new FieldExpr(LowerName(c.pageName()), new Identifier(names.Intern(c.anyName().GetText()), Span(c.anyName())), span),
            MmuParser.VariableContext c => new VariableExpr(names.Intern(c.VAR().GetText()[1..]), span),
            _ => throw new InvalidOperationException($"no lowering for {context.GetType().Name}"),
        };
    }

    /// <summary>
    /// A decimal or hex literal, 64-bit signed; <paramref name="negated"/> when a unary minus
    /// stands right before it, which lets the magnitude 2^63 through as long.MinValue.
    /// </summary>
    private IntLiteral LowerInt(IToken token, bool negated)
    {
        string literal = token.Text;
        SourceSpan span = Span(token);
        bool hex = literal.Length > 1 && literal[0] == '0' && literal[1] is 'x' or 'X';
        string digits = hex ? literal[2..] : literal;
        bool valid = digits.Length > 0 && digits.All(hex ? char.IsAsciiHexDigit : char.IsAsciiDigit);
        if (!valid)
        {
            Report(span, $"invalid integer '{literal}': write decimal digits, or 0x and hex digits");
            return new IntLiteral(0, span);
        }

        BigInteger magnitude = hex
            ? BigInteger.Parse("0" + digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture)
            : BigInteger.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        if (negated && magnitude == MinValueMagnitude)
        {
            return new IntLiteral(long.MinValue, span);
        }

        if (magnitude > long.MaxValue)
        {
            Report(span, $"integer '{literal}' does not fit in 64 bits (the largest is 9223372036854775807)");
            return new IntLiteral(0, span);
        }

        return new IntLiteral((long)magnitude, span);
    }

    private StringExpr LowerString(MmuParser.StringContext context)
    {
        var parts = ImmutableArray.CreateBuilder<StringPart>();
        var pending = new StringBuilder();
        int pendingStart = -1;
        int pendingEnd = -1;

        void Flush()
        {
            if (pendingStart >= 0)
            {
                parts.Add(new StringTextPart(pending.ToString(), Span(pendingStart, pendingEnd)));
                pending.Clear();
                pendingStart = -1;
            }
        }

        void Append(IToken token, string value)
        {
            if (pendingStart < 0)
            {
                pendingStart = token.StartIndex;
            }

            pending.Append(value);
            pendingEnd = token.StopIndex + 1;
        }

        foreach (MmuParser.StringPartContext part in context.stringPart())
        {
            IToken first = part.Start;
            switch (first.Type)
            {
                case MmuParser.STR_TEXT:
                    Append(first, first.Text);
                    break;
                case MmuParser.STR_ESCAPE:
                    string escape = first.Text;
                    if (escape.Length == 2 && escape[1] is '"' or '\\' or '$')
                    {
                        Append(first, escape[1..]);
                    }
                    else
                    {
                        Report(Span(first), $"invalid escape '{escape}' in a string: only \\\", \\\\ and \\$ are allowed");
                    }

                    break;
                case MmuParser.DOLLAR:
                    Report(Span(first), "a '$' in a string starts a variable ($n) or an expression (${...}): write \\$ for a dollar sign");
                    break;
                case MmuParser.VAR:
                    Flush();
                    SourceSpan variableSpan = Span(first);
                    parts.Add(new StringExpressionPart(new VariableExpr(first.Text[1..], variableSpan), variableSpan));
                    break;
                default:
                    Flush();
                    parts.Add(new StringExpressionPart(LowerExpr(part.expr()), Span(part)));
                    break;
            }
        }

        Flush();
        return new StringExpr(parts.ToImmutable(), Span(context));
    }
}
