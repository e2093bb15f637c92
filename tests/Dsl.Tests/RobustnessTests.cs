using System.Text;
using MmuDsl.Dsl.Syntax;

namespace MmuDsl.Dsl.Tests;

/// <summary>Parsing never throws: seeded mutations of a valid scenario and random token soup.</summary>
public sealed class RobustnessTests
{
    private const string Valid = """
        root R level 4
        for i in 0..$n {
            link R[$i] -> L${$i * 2}
            echo "x ${L$i.bitmap} \$ $i"
        ----
        x
        ----
        }
        proc p(a, b) {
            @legacy sync $a interrupt-after 1
        }
        expect !(1 + 2 * -3 in {1, 2}) || stat.walks >= 0x10
        """;

    private static readonly string[] Pieces =
    [
        "root", "for", "{", "}", "\n", "\r\n", "(", ")", "[", "]", "\"", "${", "$x", "$", "\\", "----\n", "----", "-", "!", "==",
        "fail-sync", "interrupt-after", "0x", "99999999999999999999", "@legacy", "@", "#", " ", "\t", "é", "😀", ".", "..", "->", "L",
        "in", "expect", "trace", "show", ",", "\\q", "\0",
    ];

    private static void AssertWellFormed(string text)
    {
        ParseResult result = ScenarioParser.Parse("fuzz.mmu", text);
        foreach (Diagnostic diagnostic in result.Diagnostics)
        {
            Assert.InRange(diagnostic.Span.Start, 0, text.Length);
            Assert.InRange(diagnostic.Span.End, diagnostic.Span.Start, text.Length);
            Assert.True(diagnostic.Span.Line >= 1 && diagnostic.Span.Column >= 1);
            Assert.StartsWith($"fuzz.mmu:{diagnostic.Span.Line}:{diagnostic.Span.Column}: error: ", diagnostic.Render(text));
            Assert.DoesNotContain("<EOF>", diagnostic.Message);
        }

        if (!result.HasErrors)
        {
            SyntaxEquality.AssertEqual(result.File.Statements, ScenarioParser.Parse("p.mmu", SyntaxPrinter.Print(result.File)).File.Statements);
        }
    }

    [Fact]
    public void MutatedScenarios_NeverThrow()
    {
        for (int seed = 1; seed <= 1500; seed++)
        {
            var random = new Random(seed);
            var text = new StringBuilder(Valid);
            int edits = 1 + random.Next(4);
            for (int i = 0; i < edits; i++)
            {
                int at = random.Next(text.Length + 1);
                if (random.Next(2) == 0 && at < text.Length)
                {
                    text.Remove(at, Math.Min(text.Length - at, 1 + random.Next(6)));
                }
                else
                {
                    text.Insert(at, Pieces[random.Next(Pieces.Length)]);
                }
            }

            string mutated = text.ToString();
            Exception? thrown = Record.Exception(() => AssertWellFormed(mutated));
            Assert.True(thrown is null, $"seed {seed}: {thrown}\n{mutated}");
        }
    }

    [Fact]
    public void TokenSoup_NeverThrows()
    {
        for (int seed = 1; seed <= 1500; seed++)
        {
            var random = new Random(seed);
            string soup = string.Concat(Enumerable.Range(0, random.Next(40)).Select(_ => Pieces[random.Next(Pieces.Length)] + (random.Next(3) == 0 ? " " : "")));
            Exception? thrown = Record.Exception(() => AssertWellFormed(soup));
            Assert.True(thrown is null, $"seed {seed}: {thrown}\n{soup}");
        }
    }

    [Fact]
    public void Utf16Offsets_AreStringOffsets()
    {
        const string text = "# 😀 é\necho \"😀 $x\"\nshow\n----\n😀\n----\n";
        ScenarioFile file = Parsing.Valid(text);
        var echo = Assert.IsType<EchoStatement>(file.Statements[0]);
        Assert.Equal("echo \"😀 $x\"", text[echo.Span.Start..echo.Span.End]);
        Assert.Equal("😀\n", file.Statements[1].Golden!.Text);
        Assert.Equal(file.Statements[1].Golden!.Text, text[file.Statements[1].Golden!.Content.Start..file.Statements[1].Golden!.Content.End]);
    }
}
