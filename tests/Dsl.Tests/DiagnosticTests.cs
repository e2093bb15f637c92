using MmuDsl.Dsl.Syntax;

namespace MmuDsl.Dsl.Tests;

/// <summary>Diagnostic.Render: FILE:LINE:COL: error: MESSAGE, the source line, a caret under the column.</summary>
public sealed class DiagnosticTests
{
    private static Diagnostic At(int start, int line, int column, DiagnosticSeverity severity = DiagnosticSeverity.Error) =>
        new(new SourceSpan("dir/a.mmu", line, column, start, start + 1), severity, "bad thing");

    [Fact]
    public void Render_ShowsLocationLineAndCaret()
    {
        Assert.Equal("dir/a.mmu:2:5: error: bad thing\nshow R\n    ^", At(11, 2, 5).Render("root x\nshow R\n"));
    }

    [Fact]
    public void Render_Warning_SaysWarning()
    {
        Assert.StartsWith("dir/a.mmu:1:1: warning: bad thing\n", At(0, 1, 1, DiagnosticSeverity.Warning).Render("show\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_KeepsTabsAndDropsCarriageReturn()
    {
        const string text = "root\r\n\t x\tshow\r\n";
        Assert.Equal("dir/a.mmu:2:5: error: bad thing\n\t x\tshow\n\t  \t^", At(10, 2, 5).Render(text));
    }

    [Fact]
    public void Render_AtEndOfFile_ShowsAnEmptyLine()
    {
        Assert.Equal("dir/a.mmu:2:1: error: bad thing\n\n^", At(5, 2, 1).Render("show\n"));
    }

    [Fact]
    public void Render_AfterAnEmoji_PutsOneCaretColumnForThePair()
    {
        const string text = "echo \"😀\" x\n";
        Assert.Equal("dir/a.mmu:1:11: error: bad thing\necho \"😀\" x\n         ^", At(10, 1, 11).Render(text));
    }

    [Fact]
    public void SourceSpan_ToString_IsItsLocation()
    {
        Assert.Equal("dir/a.mmu:3:7", new SourceSpan("dir/a.mmu", 3, 7, 20, 22).ToString());
        Assert.Equal(2, new SourceSpan("dir/a.mmu", 3, 7, 20, 22).Length);
    }
}
