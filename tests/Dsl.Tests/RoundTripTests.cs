using MmuDsl.Dsl.Syntax;

namespace MmuDsl.Dsl.Tests;

/// <summary>
/// The printer as an oracle: parse, print, re-parse gives the same tree (spans aside), and
/// printing is a fixed point.
/// </summary>
public sealed class RoundTripTests
{
    private const string Scenario = """
        # Every statement form, with the odd corners of the syntax.
        algorithms legacy recursive
        set pvec 4
        root R level 4
        page P3 level 3 gfn 0x10
        link R[0] -> P3
        @legacy map L[5]
        @recursive map P[5] large
        unlink P[5]
        unsync L
        sync P
        sync P interrupt-after 2
        page B level 1 gfn 0x40 role 2
        root R2 level 4 role $n
        link P[1] -> L via fetch
        link P[2] -> L$i via fetch interrupt-after $n + 1
        link via[0] -> fetch via fetch
        page role level 1 role 1
        sync R yield-after 2 {
            unsync L
            link P[3] -> C via fetch
            sync P yield-after 1 {
            }
            show
        ----
        R L4 root unsync_children=0 bitmap={}
        ----
        }
        trace sync R yield-after $n {
            zap R
        }
        fail-sync L
        zap P
        zap-unsync-children P
        let n = 16
        for i in 0..$n {
            page L$i level 1
            link P3[$i] -> L${$i * 8 + $j}x$k
            for j in $i..-(-$n) {
                expect L${$i}${$j}.unsync
            }
        }
        proc leaf(parent, idx, name) {
            link $parent[$idx] -> $name
        }
        call leaf("P", 3, "L3")
        include "common/two-roots.mmu"
        echo "text $n and ${$n + 1} \$ \" \\ ${$n}x done ${"${ {1, 2} }"}"
        show
        ----
        R1 L4 root unsync_children=1 bitmap={0}
        ----
        show R1
        stats
        ----
        ----
        trace sync R
        trace call leaf("P", 1, "Q")
        expect R.unsync_children == 1 && 0 in R.bitmap || !R.unsync
        expect stat.unsync == -1 + 2 * (3 - $a) - $a-1 % 2 / -9223372036854775808
        expect (1 == 2) == (3 != 4) && !(true || false) && --1 == 1
        expect invariants
        expect {0, 7} == R.bitmap && {} != {1}
        expect P.level < 3 && P.gfn <= 0x7fffffffffffffff && P.in >= 0 && P.zap > -1
        """;

    private static void AssertRoundTrips(string text)
    {
        ParseResult first = ScenarioParser.Parse("first.mmu", text);
        Assert.True(first.Diagnostics.IsEmpty, string.Join("\n", first.Diagnostics.Select(d => d.Render(text))));
        string printed = SyntaxPrinter.Print(first.File);
        ParseResult second = ScenarioParser.Parse("second.mmu", printed);
        Assert.True(second.Diagnostics.IsEmpty, "printed text does not parse:\n" + printed + "\n" + string.Join("\n", second.Diagnostics.Select(d => d.Render(printed))));
        SyntaxEquality.AssertEqual(first.File.Statements, second.File.Statements);
        Assert.Equal(printed, SyntaxPrinter.Print(second.File));
    }

    [Fact]
    public void Scenario_RoundTrips()
    {
        AssertRoundTrips(Scenario);
    }

    [Fact]
    public void Scenario_WithCrLf_RoundTrips()
    {
        AssertRoundTrips(Scenario.Replace("\n", "\r\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Print_NormalizesLayout()
    {
        ScenarioFile file = Parsing.Valid("  for   i in 0 ..3{   # x\n\tshow   $p\n }\nexpect ((1)+(2))*3==(9)\n");
        Assert.Equal("for i in 0..3 {\n    show $p\n}\nexpect (1 + 2) * 3 == 9\n", SyntaxPrinter.Print(file));
    }

    [Fact]
    public void Print_KernelFidelityForms()
    {
        const string text = "page  B level 1 gfn 64   role 2\nlink P[0] -> C   via   fetch interrupt-after 1\nsync R yield-after 1{\n  unsync L\n}\n";
        Assert.Equal(
            "page B level 1 gfn 64 role 2\nlink P[0] -> C via fetch interrupt-after 1\nsync R yield-after 1 {\n    unsync L\n}\n",
            SyntaxPrinter.Print(Parsing.Valid(text)));
    }

    [Fact]
    public void Print_KeepsGoldenTextRaw()
    {
        const string text = "show\n----\na\r\n\r\nb\n----\n";
        Assert.Equal(text, SyntaxPrinter.Print(Parsing.Valid(text)));
    }

    [Fact]
    public void Print_SeparatesVariableFromFollowingText()
    {
        var name = new PageName(
            [new NameTextPart("L", default), new NameVariablePart("i", default), new NameTextPart("x", default)], default);
        Assert.Equal("L${$i}x", SyntaxPrinter.Print(name));
        var text = new StringExpr(
            [new StringExpressionPart(new VariableExpr("n", default), default), new StringTextPart("s $", default)], default);
        Assert.Equal("\"${$n}s \\$\"", SyntaxPrinter.Print(text));
    }

    [Fact]
    public void RandomTrees_RoundTrip()
    {
        for (int seed = 1; seed <= 400; seed++)
        {
            var statements = new RandomSyntax(seed).Statements(6);
            string printed = SyntaxPrinter.Print(new ScenarioFile("random.mmu", string.Empty, statements));
            ParseResult parsed = ScenarioParser.Parse("random.mmu", printed);
            Assert.True(parsed.Diagnostics.IsEmpty, $"seed {seed}: printed text does not parse:\n{printed}\n"
                + string.Join("\n", parsed.Diagnostics.Select(d => d.Render(printed))));
            string? difference = SyntaxEquality.FirstDifference(statements, parsed.File.Statements);
            Assert.True(difference is null, $"seed {seed}: {difference}\n{printed}");
        }
    }
}
