using MmuDsl.Lsp.Documents;
using MmuDsl.Lsp.Features;
using MmuDsl.Lsp.Protocol;
using MmuDsl.Mmu.Algorithms;

namespace MmuDsl.Lsp.Tests.Features;

/// <summary>Completion, the outline, folding and formatting.</summary>
public sealed class EditingTests
{
    private static IReadOnlyList<string> Complete(string text, string marker, int delta)
    {
        var doc = Analyzed.Of(text);
        return [.. CompletionProvider.Complete(doc.Syntax, doc.Run, doc.At(marker, delta)).Items.Select(i => i.Label)];
    }

    [Fact]
    public void Completion_OffersWhatFitsWhereTheCursorIs()
    {
        const string text = "root R level 2\nproc p() {\n}\nexpect R.\nexpect stat.\n@\nalgorithms legacy \ncall \nsy\nlink R[0] -> \n";
        Assert.Contains("unsync_children", Complete(text, "R.\n", 2));
        Assert.Contains("walks", Complete(text, "stat.", 5));
        Assert.Equal(WalkAlgorithms.All.Select(a => a.Name), Complete(text, "@\n", 1));
        Assert.Equal(WalkAlgorithms.All.Select(a => a.Name), Complete(text, "legacy \n", 7));
        Assert.Equal(["p"], Complete(text, "call \n", 5));
        Assert.Contains("sync", Complete(text, "sy\n", 2));
        Assert.Contains("R", Complete(text, "-> \n", 3));
    }

    [Fact]
    public void Outline_PagesAndProcedures()
    {
        var doc = Analyzed.Of("root R level 4\nproc make(n) {\n    page P$n level 3\n}\nfor i in 0..2 {\n    page Q$i level 3\n}\n");
        var symbols = SymbolProvider.Symbols(doc.Syntax);
        Assert.Equal(["R", "make", "Q$i"], symbols.Select(s => s.Name));
        Assert.Equal(SymbolKind.Struct, symbols[0].Kind);
        Assert.Equal("root L4", symbols[0].Detail);
        Assert.Equal("P$n", Assert.Single(symbols[1].Children!).Name);
    }

    [Fact]
    public void Folding_GoldenBlocksAndBraces()
    {
        var doc = Analyzed.Of("for i in 0..2 {\n    echo \"x\"\n    echo \"y\"\n}\nshow\n----\na\nb\n----\n");
        var ranges = FoldingProvider.Ranges(doc.Syntax);
        Assert.Contains(ranges, r => r.StartLine == 0 && r.EndLine == 2);
        Assert.Contains(ranges, r => r.StartLine == 5 && r.EndLine == 8);
    }

    [Fact]
    public void Formatting_PrintsEachStatement_KeepsCommentsAndGoldenBlocks_AndIsStable()
    {
        const string messy = "# setup\nroot   R  level 0x4   # the root\nfor i in 0..2{\n  @legacy   link R[ $i ]->P$i\n      }\nshow R\n----\n  kept as is\n----\n";
        var doc = Analyzed.Of(messy);
        var edits = Formatter.Format(doc.Syntax, new FormattingOptions(4, true));
        string formatted = TextEdits.Apply(messy, edits.Reverse().Select(e => new TextDocumentContentChangeEvent(e.Range, e.NewText)).ToList());
        Assert.Equal("# setup\nroot R level 4   # the root\nfor i in 0..2 {\n    @legacy link R[$i] -> P$i\n}\nshow R\n----\n  kept as is\n----\n", formatted);
        Assert.Empty(Formatter.Format(Analyzed.Of(formatted).Syntax, new FormattingOptions(4, true)));
    }

    [Fact]
    public void Formatting_FileWithSyntaxErrors_IsLeftAlone()
    {
        Assert.Empty(Formatter.Format(Analyzed.Of("root   R level 4\nlink R[0] P\n").Syntax, null));
    }
}
