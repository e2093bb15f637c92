using System.Collections.Immutable;
using System.Text;
using MmuDsl.Dsl.Syntax;

namespace MmuDsl.Dsl.Tests;

/// <summary>
/// Seeded random syntax trees of the shape the parser builds (text parts merged, page-name text
/// parts that are identifiers, <c>${$v}</c> as a variable part, negative literals only as
/// long.MinValue), for the round-trip oracle.
/// </summary>
internal sealed class RandomSyntax(int seed)
{
    private static readonly string[] Names = ["R", "P3", "L", "leaf_2", "_x", "Zapped", "levels", "ins", "role", "via", "fetch"];
    private static readonly string[] Fields = ["unsync", "unsync_children", "bitmap", "level", "gfn", "in", "zapped"];
    private static readonly string[] TextPieces = ["a", " ", "R1 L4", "\"", "\\", "$", "{0,7}", "#", "-", "é", "\t", "${", "}", "x"];
    private static readonly SourceSpan NoSpan = new("random.mmu", 1, 1, 0, 0);

    private readonly Random random = new(seed);

    public ImmutableArray<Statement> Statements(int count, int depth = 0) =>
        [.. Enumerable.Range(0, count).Select(_ => Statement(depth))];

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private Identifier Id() => new(Pick(Names), NoSpan);

    private Statement Statement(int depth)
    {
        Statement statement = Simple(depth);
        if (random.Next(6) == 0)
        {
            statement = statement with { Qualifier = new AlgorithmQualifier(Pick(["legacy", "recursive", "eager", "my_walk"]), NoSpan) };
        }

        if (statement.IsOutput && random.Next(3) == 0)
        {
            statement = statement with { Golden = new GoldenBlock(NoSpan, NoSpan, NoSpan, GoldenText()) };
        }

        return statement;
    }

    private Statement Simple(int depth)
    {
        int kind = random.Next(depth < 3 ? 25 : 22);
        return kind switch
        {
            0 => new RootStatement(Name(), Expr(2), random.Next(2) == 0 ? null : Expr(2), NoSpan) { Role = random.Next(3) == 0 ? Role() : null },
            1 => new PageStatement(Name(), Expr(2), random.Next(2) == 0 ? null : Expr(2), NoSpan) { Role = random.Next(3) == 0 ? Role() : null },
            2 => Link(),
            3 => new MapStatement(Name(), Expr(2), random.Next(2) == 0, NoSpan),
            4 => new UnlinkStatement(Name(), Expr(2), NoSpan),
            5 => new UnsyncStatement(Name(), NoSpan),
            6 => new SyncStatement(Name(), random.Next(2) == 0 ? null : Expr(2), NoSpan),
            7 => new FailSyncStatement(Name(), NoSpan),
            8 => new ZapStatement(Name(), NoSpan),
            9 => new ZapUnsyncChildrenStatement(Name(), NoSpan),
            10 => new SetStatement(Id(), Expr(2), NoSpan),
            11 => new AlgorithmsStatement([.. Enumerable.Range(0, 1 + random.Next(3)).Select(_ => random.Next(3) == 0 ? new AlgorithmRef(null, new StringExpr([new StringTextPart("walks/" + Id().Name + ".cs", NoSpan)], NoSpan), NoSpan) : new AlgorithmRef(Id(), null, NoSpan))], NoSpan),
            12 => new LetStatement(Id(), Expr(3), NoSpan),
            13 => new CallStatement(Id(), [.. Enumerable.Range(0, random.Next(4)).Select(_ => Expr(2))], NoSpan),
            14 => new IncludeStatement(String(1), NoSpan),
            15 => new EchoStatement(Expr(3), NoSpan),
            16 => new ShowStatement(random.Next(2) == 0 ? null : Name(), NoSpan),
            17 => new StatsStatement(NoSpan),
            18 => new TraceStatement(Simple(3), NoSpan),
            19 => new ExpectStatement(Expr(4), NoSpan),
            20 => new ExpectInvariantsStatement(NoSpan),
            21 => new EchoStatement(String(2), NoSpan),
            22 => new ForStatement(Id(), Expr(2), Expr(2), Block(depth + 1), NoSpan),
            23 => new ProcStatement(Id(), [.. Enumerable.Range(0, random.Next(4)).Select(_ => Id())], Block(depth + 1), NoSpan),
            _ => new SyncStatement(Name(), null, NoSpan) { YieldAfter = Expr(2), AtYield = Block(depth + 1) },
        };
    }

    /// <summary>A <c>role</c> expression (any: <c>role P.level</c> after a level or gfn that ends with a variable too).</summary>
    private Expr Role() => Expr(2);

    /// <summary><c>link P[i] -> C</c>, sometimes <c>via fetch</c>, sometimes with <c>interrupt-after N</c>.</summary>
    private LinkStatement Link()
    {
        var link = new LinkStatement(Name(), Expr(2), Name(), NoSpan);
        return random.Next(3) switch
        {
            0 => link,
            1 => link with { ViaFetch = true },
            _ => link with { ViaFetch = true, InterruptAfter = Expr(2) },
        };
    }

    private Block Block(int depth) => new(Statements(random.Next(4), depth), NoSpan);

    private string GoldenText()
    {
        var text = new StringBuilder();
        int lines = random.Next(4);
        for (int i = 0; i < lines; i++)
        {
            text.Append(Pick(["R1 L4 root", "  [0] leaf", "-----", "", "@legacy", "@@legacy", "@eager", "@ x", "@", " ----", "\"${x}\" # \\"]));
            text.Append(random.Next(3) == 0 ? "\r\n" : "\n");
        }

        return text.ToString();
    }

    private PageName Name()
    {
        var parts = ImmutableArray.CreateBuilder<NamePart>();
        int count = 1 + random.Next(3);
        for (int i = 0; i < count; i++)
        {
            int kind = random.Next(3);
            if (kind == 0 && (i == 0 || parts[^1] is not NameTextPart))
            {
                parts.Add(new NameTextPart(Pick(Names), NoSpan));
            }
            else if (kind == 1)
            {
                parts.Add(new NameVariablePart(Pick(Names), NoSpan));
            }
            else
            {
                Expr value = Expr(1);
                parts.Add(value is VariableExpr variable ? new NameVariablePart(variable.Name, NoSpan) : new NameExpressionPart(value, NoSpan));
            }
        }

        return new PageName(parts.ToImmutable(), NoSpan);
    }

    private StringExpr String(int depth)
    {
        var parts = ImmutableArray.CreateBuilder<StringPart>();
        int count = random.Next(4);
        for (int i = 0; i < count; i++)
        {
            if (random.Next(2) == 0 && (i == 0 || parts[^1] is not StringTextPart))
            {
                parts.Add(new StringTextPart(string.Concat(Enumerable.Range(0, 1 + random.Next(3)).Select(_ => Pick(TextPieces))), NoSpan));
            }
            else
            {
                parts.Add(new StringExpressionPart(random.Next(2) == 0 ? new VariableExpr(Pick(Names), NoSpan) : Expr(depth), NoSpan));
            }
        }

        return new StringExpr(parts.ToImmutable(), NoSpan);
    }

    private Expr Expr(int depth)
    {
        int kind = random.Next(depth <= 0 ? 6 : 11);
        return kind switch
        {
            0 => new IntLiteral(random.Next(4) switch { 0 => 0, 1 => long.MaxValue, 2 => long.MinValue, _ => random.NextInt64(0, 5000) }, NoSpan),
            1 => new BoolLiteral(random.Next(2) == 0, NoSpan),
            2 => new VariableExpr(Pick(Names), NoSpan),
            3 => new StatExpr(new Identifier(Pick(Fields), NoSpan), NoSpan),
            4 => new FieldExpr(new PageName([new NameTextPart(Pick(Names), NoSpan)], NoSpan), new Identifier(Pick(Fields), NoSpan), NoSpan),
            5 => new SetLiteral([], NoSpan),
            6 => String(depth - 1),
            7 => new SetLiteral([.. Enumerable.Range(0, random.Next(4)).Select(_ => Expr(depth - 1))], NoSpan),
            8 => new FieldExpr(Name(), new Identifier(Pick(Fields), NoSpan), NoSpan),
            9 => new UnaryExpr(random.Next(2) == 0 ? UnaryOperator.Not : UnaryOperator.Negate, Expr(depth - 1), NoSpan),
            _ => new BinaryExpr(Pick(Enum.GetValues<BinaryOperator>()), Expr(depth - 1), Expr(depth - 1), NoSpan),
        };
    }
}
