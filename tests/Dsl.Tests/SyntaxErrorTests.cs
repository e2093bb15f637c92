using MmuDsl.Dsl.Syntax;

namespace MmuDsl.Dsl.Tests;

/// <summary>
/// Syntax errors: every bad line of a file is reported at once, one diagnostic a line, in words
/// a script author reads, at the right line and column, with the source line and a caret.
/// </summary>
public sealed class SyntaxErrorTests
{
    [Fact]
    public void SeveralErrors_AreReportedTogether_WithCarets()
    {
        const string text = "root R level\nshow R\nmap L[]\nfoo bar\nlink P[0] C\nstats\n";
        Assert.Equal(
        [
            "test.mmu:1:13: error: expected an expression after 'level'\nroot R level\n            ^",
            "test.mmu:3:7: error: expected an index expression after '[', found ']'\nmap L[]\n      ^",
            "test.mmu:4:1: error: unknown statement 'foo'\nfoo bar\n^",
            "test.mmu:5:11: error: expected '->' after ']', found 'C'\nlink P[0] C\n          ^",
        ], Parsing.Errors(text));
    }

    [Fact]
    public void ValidLines_AroundErrors_StayInTheTree()
    {
        ParseResult result = ScenarioParser.Parse("t.mmu", "root R level 4\nmap L[\nshow R\n");
        Assert.True(result.HasErrors);
        Assert.Collection(result.File.Statements, s => Assert.IsType<RootStatement>(s), s => Assert.IsType<ShowStatement>(s));
    }

    [Fact]
    public void Caret_KeepsTabsOfTheSourceLine()
    {
        const string text = "for i in 0..2 {\n\t\tlink\tP[0] C\n}\n";
        Assert.Equal(["test.mmu:2:13: error: expected '->' after ']', found 'C'\n\t\tlink\tP[0] C\n\t\t    \t     ^"], Parsing.Errors(text));
    }

    [Theory]
    [InlineData("show R extra\n", "1:8: expected end of line after 'R', found 'extra'")]
    [InlineData("let level = 3\n", "1:5: expected a variable name after 'let', found 'level' ('level' is a reserved word)")]
    [InlineData("let x 5\n", "1:7: expected '=' after 'x', found '5'")]
    [InlineData("expect R\n", "1:9: expected '.' and a field name after 'R'")]
    [InlineData("expect\n", "1:7: expected an expression or 'invariants' after 'expect'")]
    [InlineData("expect 1 +\n", "1:11: expected an expression after '+'")]
    [InlineData("@legacy\n", "1:8: expected a statement after '@legacy'")]
    [InlineData("trace @legacy show\n", "1:7: expected a statement after 'trace', found '@legacy'")]
    [InlineData("sync P interrupt-after\n", "1:23: expected an expression after 'interrupt-after'")]
    [InlineData("for i 0..3 {\n}\n", "1:7: expected 'in' after 'i', found '0'")]
    [InlineData("for i in 0..3 4 {\n}\n", "1:15: expected '{' ending the line after '3', found '4'")]
    [InlineData("for i in 0.. {\n}\n", "1:14: expected an expression after '..', found '{'")]
    [InlineData("show R {\n  stats\n}\n", "1:8: expected end of line after 'R', found '{'")]
    [InlineData("{\n  show\n}\n", "1:1: unexpected '{': a block is opened by the '{' that ends a 'for' or 'proc' line")]
    [InlineData("for i in 0..1 {\n}x\n", "2:2: expected end of line after '}', found 'x'")]
    [InlineData("include \"a\" \"b\"\n", "1:13: expected end of line after the string, found a string")]
    [InlineData("set pvec\n", "1:9: expected an expression after 'pvec'")]
    [InlineData("proc f(a,) {\n}\n", "1:10: expected a parameter name after ',', found ')'")]
    [InlineData("root 5 level 4\n", "1:6: expected a page name after 'root', found '5'")]
    [InlineData("root R level 4 gfn\n", "1:19: expected an expression after 'gfn'")]
    [InlineData("}\n", "1:1: unexpected '}': no block is open here")]
    [InlineData("\"text\"\n", "1:1: expected a statement, found a string")]
    [InlineData("echo \"a\"b\n", "1:9: expected end of line after the string, found 'b'")]
    [InlineData("expect 1 == %\n", "1:13: expected an expression after '==', found '%'")]
    [InlineData("expect 1 == ?\n", "1:13: unexpected character '?' after '=='")]
    [InlineData("show ^\n", "1:6: unexpected character '^' after 'show'")]
    [InlineData("expect $ == 1\n", "1:8: '$' must start a variable, as in '$n', or an expression, as in '${$n + 1}'")]
    [InlineData("algorithms\n", "1:11: expected an algorithm's name (such as 'legacy') or a plug-in's path in quotes after 'algorithms'")]
    [InlineData("expect P.\n", "1:10: expected a field name after '.'")]
    [InlineData("link P[0] -> C via fetc\n", "1:16: unexpected 'via fetc' after the child: write 'via fetch' to link through the page-fault path, or end the line")]
    [InlineData("link P[0] -> C fetch\n", "1:16: expected end of line after 'C', found 'fetch'")]
    [InlineData("link P[0] -> C via fetch interrupt-after\n", "1:41: expected an expression after 'interrupt-after'")]
    [InlineData("page P level 1 rol 2\n", "1:16: unexpected 'rol' after the level: write 'gfn N' and then 'role N' (the rest of the page's role), or end the line")]
    [InlineData("page P level 1 role 2 gfn 3\n", "1:23: expected end of line after '2', found 'gfn'")]
    [InlineData("root R level 4 gfn 3 role\n", "1:26: expected an expression after 'role'")]
    [InlineData("sync R yield-after 1\n", "1:21: expected '{' ending the line after '1'")]
    [InlineData("sync R yield-after {\n}\n", "1:20: expected an expression after 'yield-after', found '{'")]
    [InlineData("sync R interrupt-after 1 yield-after 1 {\n}\n", "1:26: expected end of line after '1', found 'yield-after'")]
    public void Message_IsReadable(string text, string message)
    {
        Assert.Equal([message], Parsing.Messages(text));
    }

    [Fact]
    public void YieldAfter_IsNamedAsAReservedWord()
    {
        Assert.Equal(
            ["1:5: expected a variable name after 'let', found 'yield-after' ('yield-after' is a reserved word)"],
            Parsing.Messages("let yield-after = 1\n"));
        Assert.True(SyntaxFacts.IsReservedWord("yield-after"));
    }

    [Fact]
    public void Messages_NeverDumpAntlrTokens()
    {
        string[] texts = ["root\n", "link\n", "map P[\n", "call f(\n", "proc (\n", "expect (1\n", "set\n", "include\n", "expect {1,\n"];
        foreach (string text in texts)
        {
            string message = Assert.Single(Parsing.Messages(text));
            Assert.DoesNotContain("<EOF>", message);
            Assert.DoesNotContain("'\\n'", message);
            Assert.DoesNotContain("mismatched", message);
            Assert.DoesNotContain("viable", message);
            Assert.DoesNotContain("NEWLINE", message);
            Assert.DoesNotContain("expecting", message);
        }
    }

    [Fact]
    public void BadEscape_IsReportedAtTheEscape()
    {
        Assert.Equal(["test.mmu:1:9: error: invalid escape '\\n' in a string: only \\\", \\\\ and \\$ are allowed\necho \"a \\n b\"\n        ^"],
            Parsing.Errors("echo \"a \\n b\"\n"));
    }

    [Fact]
    public void LoneDollarInString_IsReported()
    {
        Assert.Equal(["1:12: a '$' in a string starts a variable ($n) or an expression (${...}): write \\$ for a dollar sign"],
            Parsing.Messages("echo \"cost $5\"\n"));
    }

    [Theory]
    [InlineData("let x = 9223372036854775808\n")]
    [InlineData("let x = 99999999999999999999999\n")]
    [InlineData("let x = 0x8000000000000000\n")]
    public void IntegerOverflow_IsADiagnostic(string text)
    {
        string literal = text.Split(' ')[3].TrimEnd();
        Assert.Equal([$"1:9: integer '{literal}' does not fit in 64 bits (the largest is 9223372036854775807)"], Parsing.Messages(text));
    }

    [Theory]
    [InlineData("let x = 12ab\n", "12ab")]
    [InlineData("let x = 0x\n", "0x")]
    [InlineData("let x = 0xfg\n", "0xfg")]
    public void InvalidInteger_IsADiagnostic(string text, string literal)
    {
        Assert.Equal([$"1:9: invalid integer '{literal}': write decimal digits, or 0x and hex digits"], Parsing.Messages(text));
    }

    [Fact]
    public void UnterminatedString_IsReportedAtItsQuote_AndTheNextLinesParse()
    {
        const string text = "echo \"abc\nshow\necho \"${1 + \"x}\nstats\n";
        ParseResult result = ScenarioParser.Parse("t.mmu", text);
        Assert.Equal(
        [
            "t.mmu:1:6: error: unterminated string: close it with '\"' on the same line\necho \"abc\n     ^",
            "t.mmu:3:6: error: unterminated string: close it with '\"' on the same line\necho \"${1 + \"x}\n     ^",
        ], result.Diagnostics.Select(d => d.Render(text)));
        Assert.Collection(result.File.Statements, s => Assert.IsType<ShowStatement>(s), s => Assert.IsType<StatsStatement>(s));
    }

    [Fact]
    public void MissingClosingBrace_IsReportedAtTheOpeningBrace()
    {
        const string text = "for i in 0..3 {\n  show\n  proc p() {\n    stats\n";
        Assert.Equal(
        [
            "1:15: this block is not closed: a line with '}' must end it before the end of the file",
            "3:12: this block is not closed: a line with '}' must end it before the end of the file",
        ], Parsing.Messages(text));
    }

    [Fact]
    public void BraceNotEndingItsLine_IsReported_AndTheBlockStillParses()
    {
        Assert.Equal(
            ["1:15: '{' must end its line: the block's statements go on the lines below it, and its '}' on a line of its own", "3:3: unknown statement 'oops'"],
            Parsing.Messages("for i in 0..3 { show\n  stats\n  oops\n}\nshow\n"));
    }

    [Fact]
    public void ErrorInBlockHeader_StillParsesTheBlock_WithoutStrayBraceError()
    {
        Assert.Equal(["1:7: expected 'in' after 'i', found '0'", "2:9: expected an index expression after '['"],
            Parsing.Messages("for i 0..3 {\n  map L[\n}\nshow\n"));
    }

    [Fact]
    public void UnknownStatementWithBlock_SwallowsTheBlock()
    {
        Assert.Equal(["1:1: unknown statement 'repeat'", "2:10: expected end of line after 'x', found 'y'"],
            Parsing.Messages("repeat 3 {\n  show x y\n}\nshow\n"));
    }

    [Fact]
    public void DiagnosticsFromPreScanAndParser_AreInSourceOrder()
    {
        string[] messages = Parsing.Messages("show x y\necho \"open\nlet a = 99999999999999999999\nmap L[\n");
        Assert.Equal([1, 2, 3, 4], messages.Select(m => int.Parse(m.Split(':')[0], System.Globalization.CultureInfo.InvariantCulture)));
    }
}
