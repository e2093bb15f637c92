using MmuDsl.Dsl.Runtime;
using MmuDsl.Dsl.Scenarios;
using MmuDsl.Dsl.Syntax;

namespace MmuDsl.Dsl.Tests.Hardening;

/// <summary>
/// Issue 14, item 7: a diagnostic shows a character as it is when it is printable (a valid emoji
/// included, never U+FFFD) and otherwise as U+XXXX: no raw NUL or control byte reaches the terminal.
/// </summary>
public sealed class PrintableDiagnosticTests
{
    private static string Error(string text) =>
        Assert.Single(ScenarioRunner.RunText("p.mmu", text, RunOptions.Default).Errors).Render();

    [Fact]
    public void Emoji_IsShownAsItIs()
    {
        Assert.Equal("p.mmu:1:6: error: unexpected character '\U0001F600' after 'page'\npage \U0001F600 level 1\n     ^\n", Error("page \U0001F600 level 1\n"));
    }

    [Fact]
    public void Nul_IsShownAsACodePoint_InTheMessageAndTheSourceLine()
    {
        string error = Error("root R level 4\0\n");
        Assert.Equal("p.mmu:1:15: error: unexpected character U+0000 after '4'\nroot R level 4U+0000\n              ^\n", error);
        Assert.DoesNotContain('\0', error);
    }

    [Theory]
    [InlineData('\u001b', "U+001B")]
    [InlineData('\u007f', "U+007F")]
    [InlineData('\u200b', "U+200B")]
    [InlineData('\u00a0', "U+00A0")]
    [InlineData('\ud800', "U+D800")]
    [InlineData('\u2028', "U+2028")]
    public void ControlFormatAndSpaceCharacters_AreShownAsCodePoints(char c, string shown)
    {
        string error = Error($"show{c}\n");
        Assert.Contains($"unexpected character {shown}", error, StringComparison.Ordinal);
        Assert.DoesNotContain(c, error);
    }

    [Fact]
    public void CaretUnderACharacterAfterACodePoint_StaysUnderIt()
    {
        var (line, caret) = Printable.Excerpt("a\u0001b", 3);
        Assert.Equal("aU+0001b", line);
        Assert.Equal("       ^", caret);
    }

    [Fact]
    public void RuntimeMessageQuotingUserText_IsPrintable()
    {
        string error = Error("include \"a\u001b[2Jb\"\n");
        Assert.Contains("cannot include 'aU+001B[2Jb'", error, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', error);
    }
}
