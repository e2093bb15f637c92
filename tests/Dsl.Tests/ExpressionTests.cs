using MmuDsl.Dsl.Syntax;

namespace MmuDsl.Dsl.Tests;

/// <summary>Expressions, strings and page names: precedence, literals, interpolation, adjacency.</summary>
public sealed class ExpressionTests
{
    /// <summary>Prints with every binary expression parenthesized, to read the tree's shape.</summary>
    private static string Shape(Expr expression) => expression switch
    {
        BinaryExpr b => $"({Shape(b.Left)} {SyntaxFacts.GetText(b.Operator)} {Shape(b.Right)})",
        UnaryExpr u => $"{SyntaxFacts.GetText(u.Operator)}{Shape(u.Operand)}",
        _ => SyntaxPrinter.Print(expression),
    };

    [Theory]
    [InlineData("1 + 2 * 3", "(1 + (2 * 3))")]
    [InlineData("1 - 2 - 3", "((1 - 2) - 3)")]
    [InlineData("8 / 4 % 3 * 2", "(((8 / 4) % 3) * 2)")]
    [InlineData("-1 * 2", "(-1 * 2)")]
    [InlineData("!true && false", "(!true && false)")]
    [InlineData("1 < 2 == 3 >= 4", "((1 < 2) == (3 >= 4))")]
    [InlineData("0 in R.bitmap == true", "((0 in R.bitmap) == true)")]
    [InlineData("a.x || b.y && c.z", "(a.x || (b.y && c.z))")]
    [InlineData("(1 + 2) * 3", "((1 + 2) * 3)")]
    [InlineData("1 + 2 < 3 && 4 != 5 || !(6 in {6})", "((((1 + 2) < 3) && (4 != 5)) || !(6 in {6}))")]
    public void Precedence_IsC(string source, string shape)
    {
        Assert.Equal(shape, Shape(Parsing.Expression(source)));
    }

    [Theory]
    [InlineData("42", 42)]
    [InlineData("0x2a", 42)]
    [InlineData("0X2A", 42)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("0x7fffffffffffffff", long.MaxValue)]
    [InlineData("0x0000000000000000001", 1)]
    public void IntegerLiterals_DecimalAndHex(string source, long value)
    {
        Assert.Equal(value, Assert.IsType<IntLiteral>(Parsing.Expression(source)).Value);
    }

    [Fact]
    public void MinValue_IsOneLiteral()
    {
        var literal = Assert.IsType<IntLiteral>(Parsing.Expression("-9223372036854775808"));
        Assert.Equal(long.MinValue, literal.Value);
        Assert.Equal(8, literal.Span.Column);
        var negated = Assert.IsType<UnaryExpr>(Parsing.Expression("-5"));
        Assert.Equal(5, Assert.IsType<IntLiteral>(negated.Operand).Value);
    }

    [Fact]
    public void Sets_Booleans_Stats_Fields()
    {
        var set = Assert.IsType<SetLiteral>(Parsing.Expression("{0, 7}"));
        Assert.Equal([0L, 7L], set.Elements.Select(e => ((IntLiteral)e).Value));
        Assert.Empty(Assert.IsType<SetLiteral>(Parsing.Expression("{}")).Elements);
        Assert.True(Assert.IsType<BoolLiteral>(Parsing.Expression("true")).Value);
        Assert.Equal("unsync", Assert.IsType<StatExpr>(Parsing.Expression("stat.unsync")).Counter.Name);
        var field = Assert.IsType<FieldExpr>(Parsing.Expression("P3.unsync_children"));
        Assert.Equal("P3", field.Page.LiteralText);
        Assert.Equal("unsync_children", field.Field.Name);
    }

    [Theory]
    [InlineData("P.level")]
    [InlineData("P.gfn")]
    [InlineData("P.unsync")]
    [InlineData("P.in")]
    public void FieldNames_MayBeReservedWords(string source)
    {
        Assert.IsType<FieldExpr>(Parsing.Expression(source));
    }

    [Fact]
    public void HyphenatedKeywords_DoNotBreakSubtraction()
    {
        Assert.Equal("(($a - 1) - $b)", Shape(Parsing.Expression("$a-1-$b")));
        Assert.Equal("(L.zap - 1)", Shape(Parsing.Expression("L.zap-1")));
        Assert.Equal("(L.sync - $x)", Shape(Parsing.Expression("L.sync-$x")));
        Assert.IsType<FailSyncStatement>(Parsing.Valid("fail-sync L\n").Statements.Single());
    }

    [Fact]
    public void Variable_IsItsName()
    {
        var variable = Assert.IsType<VariableExpr>(Parsing.Expression("$count"));
        Assert.Equal("count", variable.Name);
        Assert.Equal((8, 6), (variable.Span.Column, variable.Span.Length));
    }

    [Fact]
    public void PageName_AdjacentParts()
    {
        var link = Parsing.Single<LinkStatement>("link L$i[0] -> L${$i * 8 + $j}x$k\n");
        Assert.Collection(link.Parent.Parts,
            p => Assert.Equal("L", Assert.IsType<NameTextPart>(p).Text),
            p => Assert.Equal("i", Assert.IsType<NameVariablePart>(p).Name));
        Assert.Collection(link.Child.Parts,
            p => Assert.Equal("L", Assert.IsType<NameTextPart>(p).Text),
            p => Assert.IsType<BinaryExpr>(Assert.IsType<NameExpressionPart>(p).Expression),
            p => Assert.Equal("x", Assert.IsType<NameTextPart>(p).Text),
            p => Assert.Equal("k", Assert.IsType<NameVariablePart>(p).Name));
        Assert.Null(link.Child.LiteralText);
    }

    [Fact]
    public void PageName_VariableAlone_NamesThePage()
    {
        var show = Parsing.Single<ShowStatement>("show $p\n");
        Assert.Equal("p", Assert.IsType<NameVariablePart>(Assert.Single(show.Page!.Parts)).Name);
    }

    [Fact]
    public void PageName_PartsSeparatedBySpace_AreNotOneName()
    {
        Assert.Equal(["1:8: expected end of line after 'L', found '$i' (the parts of a page name are written without spaces between them)"],
            Parsing.Messages("show L $i\n"));
    }

    [Fact]
    public void String_EscapesAndInterpolation()
    {
        const string text = "echo \"a \\\" \\\\ \\$ $n-${$n + 1}.\"\n";
        var echo = Parsing.Single<EchoStatement>(text);
        var value = Assert.IsType<StringExpr>(echo.Value);
        Assert.Collection(value.Parts,
            p => Assert.Equal("a \" \\ $ ", Assert.IsType<StringTextPart>(p).Text),
            p => Assert.Equal("n", Assert.IsType<VariableExpr>(Assert.IsType<StringExpressionPart>(p).Expression).Name),
            p => Assert.Equal("-", Assert.IsType<StringTextPart>(p).Text),
            p => Assert.IsType<BinaryExpr>(Assert.IsType<StringExpressionPart>(p).Expression),
            p => Assert.Equal(".", Assert.IsType<StringTextPart>(p).Text));
        Assert.Null(value.LiteralText);
    }

    [Fact]
    public void String_InterpolatedExpressions_HaveTheirPositions()
    {
        const string text = "echo \"x ${$a * 2} ${L${$i}.unsync} ${ {1, 2} } ${\"in}\"}\"\n";
        var value = Assert.IsType<StringExpr>(Parsing.Single<EchoStatement>(text).Value);
        var parts = value.Parts.OfType<StringExpressionPart>().ToList();
        Assert.Equal(4, parts.Count);
        var product = Assert.IsType<BinaryExpr>(parts[0].Expression);
        Assert.Equal("$a * 2", text[product.Span.Start..product.Span.End]);
        Assert.Equal(11, product.Span.Column);
        Assert.Equal("$a", text[product.Left.Span.Start..product.Left.Span.End]);
        var field = Assert.IsType<FieldExpr>(parts[1].Expression);
        Assert.Equal("L${$i}.unsync", text[field.Span.Start..field.Span.End]);
        var index = Assert.IsType<NameVariablePart>(field.Page.Parts[1]);
        Assert.Equal("${$i}", text[index.Span.Start..index.Span.End]);
        Assert.IsType<SetLiteral>(parts[2].Expression);
        Assert.Equal("in}", Assert.IsType<StringExpr>(parts[3].Expression).LiteralText);
    }

    [Fact]
    public void String_HashAndBracesInside_AreText()
    {
        var value = Assert.IsType<StringExpr>(Parsing.Single<EchoStatement>("echo \"# not a comment {} -> root\"\n").Value);
        Assert.Equal("# not a comment {} -> root", value.LiteralText);
        Assert.Equal("", Assert.IsType<StringExpr>(Parsing.Single<EchoStatement>("echo \"\"\n").Value).LiteralText);
    }

    [Fact]
    public void ExpressionSpan_IsItsSourceText()
    {
        const string text = "expect R.unsync_children + 1 == (2 * $x)\n";
        var condition = Assert.IsType<BinaryExpr>(Parsing.Single<ExpectStatement>(text).Condition);
        Assert.Equal("R.unsync_children + 1 == (2 * $x)", text[condition.Span.Start..condition.Span.End]);
        Assert.Equal(8, condition.Span.Column);
        Assert.Equal("2 * $x", text[condition.Right.Span.Start..condition.Right.Span.End]);
    }
}
