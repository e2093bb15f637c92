using System.Collections.Immutable;
using System.Text;
using MmuDsl.Dsl.Syntax;
using MmuDsl.Mmu;

namespace MmuDsl.Dsl.Runtime;

/// <summary>Expressions: values, operators with C's precedence (the parser's), fields and counters.</summary>
internal sealed partial class Interpreter
{
    private static readonly string[] FieldNames = ["unsync", "unsync_children", "bitmap", "children", "parents", "level", "gfn", "root_count", "zapped", "syncs"];
    private static readonly string[] CounterNames = ["unsync", "walks", "visits", "syncs", "zaps", "interrupted", "warnings", "retries", "yields", "unsync_refused", "link_unsync_children"];

    private Value Evaluate(Expr expr, Scope scope)
    {
        switch (expr)
        {
            case IntLiteral e:
                return Value.Int(e.Value);
            case BoolLiteral e:
                return Value.Bool(e.Value);
            case StringExpr e:
                return Value.String(Interpolate(e, scope));
            case SetLiteral e:
                {
                    var builder = ImmutableSortedSet.CreateBuilder<long>();
                    foreach (var item in e.Elements)
                    {
                        builder.Add(EvaluateInt(item, scope, "a set element"));
                    }

                    return Value.Set(builder.ToImmutable());
                }

            case VariableExpr e:
                {
                    var v = Variable(e.Name, e.Span, scope);
                    _reads?.Read("$" + e.Name, v);
                    return v;
                }

            case FieldExpr e:
                return Field(e, scope);
            case StatExpr e:
                return Counter(e);
            case UnaryExpr e:
                return Unary(e, scope);
            case BinaryExpr e:
                return Binary(e, scope);
            default:
                throw new ScriptRuntimeException(expr.Span, $"this expression ({expr.GetType().Name}) cannot be evaluated");
        }
    }

    private Value Variable(string name, SourceSpan span, Scope scope)
    {
        if (!scope.TryGet(name, out var v))
        {
            throw new ScriptRuntimeException(span, $"unknown variable '${name}'; declare it with 'let {name} = ...' (a procedure sees only its parameters and the globals)");
        }

        return v;
    }

    private long EvaluateInt(Expr expr, Scope scope, string what)
    {
        var v = Evaluate(expr, scope);
        if (v.Kind != ValueKind.Int)
        {
            throw new ScriptRuntimeException(expr.Span, $"{what} must be an int, but this is {Value.TypeName(v.Kind)} ({v.ToLiteral()})");
        }

        return v.AsInt;
    }

    private string EvaluateString(Expr expr, Scope scope, string what)
    {
        var v = Evaluate(expr, scope);
        if (v.Kind != ValueKind.String)
        {
            throw new ScriptRuntimeException(expr.Span, $"{what} must be a string, but this is {Value.TypeName(v.Kind)} ({v.ToLiteral()})");
        }

        return v.AsString;
    }

    private int Index(Expr expr, Scope scope)
    {
        long i = EvaluateInt(expr, scope, "an spte index");
        if (i < 0 || i >= Bitmap512.Size)
        {
            throw new ScriptRuntimeException(expr.Span, $"spte index {i} is outside 0..511");
        }

        return (int)i;
    }

    private string Interpolate(StringExpr e, Scope scope)
    {
        if (e.Parts.Length == 1 && e.Parts[0] is StringTextPart only)
        {
            return only.Text;
        }

        var sb = new StringBuilder();
        foreach (var part in e.Parts)
        {
            if (part is StringExpressionPart x)
            {
                sb.Append(Evaluate(x.Expression, scope).ToString());
            }
            else
            {
                sb.Append(((StringTextPart)part).Text);
            }

            if (sb.Length > MaxStringLength)
            {
                throw new ScriptRuntimeException(e.Span, ErrorKind.StringLimit, $"string too long: more than {MaxStringLength} characters");
            }
        }

        return sb.ToString();
    }

    private Value Field(FieldExpr e, Scope scope)
    {
        var page = AnyPage(e.Page, scope);
        Value v = e.Field.Name switch
        {
            "unsync" => Value.Bool(page.Unsync),
            "unsync_children" => Value.Int(page.UnsyncChildren),
            "bitmap" => Value.Set(page.UnsyncChildBitmap.SetBits()),
            "children" => Value.Set(page.ChildIndexes()),
            "parents" => Value.Int(page.ParentCount),
            "level" => Value.Int(page.Level),
            "gfn" => Value.Int(page.Gfn),
            "root_count" => Value.Int(page.RootCount),
            "zapped" => Value.Bool(page.Zapped),
            "syncs" => Value.Int(page.Syncs),
            _ => throw new ScriptRuntimeException(e.Field.Span, $"unknown field '{e.Field.Name}' of page '{page.Name}'; fields are {string.Join(", ", FieldNames)}"),
        };
        if (_reads != null)
        {
            _reads.Read($"{page.Name}.{e.Field.Name}", v);
            _reads.ReadPage(page);
        }

        return v;
    }

    private Value Counter(StatExpr e)
    {
        var st = _mmu.Stats;
        Value v = e.Counter.Name switch
        {
            "unsync" => Value.Int(st.Unsync),
            "walks" => Value.Int(st.Walks),
            "visits" => Value.Int(st.Visits),
            "syncs" => Value.Int(st.Syncs),
            "zaps" => Value.Int(st.Zaps),
            "interrupted" => Value.Int(st.Interrupted),
            "warnings" => Value.Int(st.Warnings),
            "retries" => Value.Int(st.Retries),
            "yields" => Value.Int(st.Yields),
            "unsync_refused" => Value.Int(st.UnsyncRefused),
            "link_unsync_children" => Value.Int(st.LinkUnsyncChildren),
            _ => throw new ScriptRuntimeException(e.Span, $"unknown counter 'stat.{e.Counter.Name}'; counters are {string.Join(", ", CounterNames.Select(c => "stat." + c))}"),
        };
        _reads?.Read("stat." + e.Counter.Name, v);
        return v;
    }

    private Value Unary(UnaryExpr e, Scope scope)
    {
        var v = Evaluate(e.Operand, scope);
        switch (e.Operator)
        {
            case UnaryOperator.Not:
                if (v.Kind != ValueKind.Bool)
                {
                    throw TypeError(e.Span, "'!' needs a bool", v);
                }

                return Value.Bool(!v.AsBool);
            default:
                if (v.Kind != ValueKind.Int)
                {
                    throw TypeError(e.Span, "unary '-' needs an int", v);
                }

                if (v.AsInt == long.MinValue)
                {
                    throw new ScriptRuntimeException(e.Span, $"integer overflow: -({v.AsInt}) does not fit in 64 bits");
                }

                return Value.Int(-v.AsInt);
        }
    }

    private Value Binary(BinaryExpr e, Scope scope)
    {
        // && and || short-circuit, as in C.
        if (e.Operator is BinaryOperator.And or BinaryOperator.Or)
        {
            var l = Evaluate(e.Left, scope);
            if (l.Kind != ValueKind.Bool)
            {
                throw TypeError(e.Left.Span, $"'{Symbol(e.Operator)}' needs bools", l);
            }

            if (e.Operator == BinaryOperator.And ? !l.AsBool : l.AsBool)
            {
                return l;
            }

            var r = Evaluate(e.Right, scope);
            if (r.Kind != ValueKind.Bool)
            {
                throw TypeError(e.Right.Span, $"'{Symbol(e.Operator)}' needs bools", r);
            }

            return r;
        }

        var left = Evaluate(e.Left, scope);
        var right = Evaluate(e.Right, scope);
        switch (e.Operator)
        {
            case BinaryOperator.Equal:
            case BinaryOperator.NotEqual:
                if (left.Kind != right.Kind)
                {
                    throw new ScriptRuntimeException(e.Span, $"cannot compare {Value.TypeName(left.Kind)} ({left.ToLiteral()}) with {Value.TypeName(right.Kind)} ({right.ToLiteral()}) using '{Symbol(e.Operator)}'");
                }

                return Value.Bool(left.Equals(right) == (e.Operator == BinaryOperator.Equal));
            case BinaryOperator.In:
                if (left.Kind != ValueKind.Int || right.Kind != ValueKind.Set)
                {
                    throw new ScriptRuntimeException(e.Span, $"'in' needs an int on the left and a set on the right, not {Value.TypeName(left.Kind)} and {Value.TypeName(right.Kind)}");
                }

                return Value.Bool(right.AsSet.Contains(left.AsInt));
            default:
                break;
        }

        if (left.Kind != ValueKind.Int || right.Kind != ValueKind.Int)
        {
            throw new ScriptRuntimeException(e.Span, $"'{Symbol(e.Operator)}' needs two ints, not {Value.TypeName(left.Kind)} ({left.ToLiteral()}) and {Value.TypeName(right.Kind)} ({right.ToLiteral()})");
        }

        long a = left.AsInt;
        long b = right.AsInt;
        try
        {
            return e.Operator switch
            {
                BinaryOperator.Less => Value.Bool(a < b),
                BinaryOperator.LessOrEqual => Value.Bool(a <= b),
                BinaryOperator.Greater => Value.Bool(a > b),
                BinaryOperator.GreaterOrEqual => Value.Bool(a >= b),
                BinaryOperator.Add => Value.Int(checked(a + b)),
                BinaryOperator.Subtract => Value.Int(checked(a - b)),
                BinaryOperator.Multiply => Value.Int(checked(a * b)),
                BinaryOperator.Divide => b == 0 ? throw DivisionByZero(e) : Value.Int(checked(a / b)),
                BinaryOperator.Remainder => b == 0 ? throw DivisionByZero(e) : Value.Int(b == -1 ? 0 : a % b),
                _ => throw new ScriptRuntimeException(e.Span, $"operator '{Symbol(e.Operator)}' cannot be evaluated"),
            };
        }
        catch (OverflowException)
        {
            throw new ScriptRuntimeException(e.Span, $"integer overflow: {a} {Symbol(e.Operator)} {b} does not fit in 64 bits");
        }
    }

    private static ScriptRuntimeException DivisionByZero(BinaryExpr e) =>
        new(e.Right.Span, $"division by zero in '{Symbol(e.Operator)}'");

    private static ScriptRuntimeException TypeError(SourceSpan span, string what, Value got) =>
        new(span, $"{what}, not {Value.TypeName(got.Kind)} ({got.ToLiteral()})");

    private static string Symbol(BinaryOperator op) => SyntaxFacts.GetText(op);
}
