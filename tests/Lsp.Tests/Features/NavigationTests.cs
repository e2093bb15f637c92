using MmuDsl.Lsp.Features;

namespace MmuDsl.Lsp.Tests.Features;

/// <summary>Go to definition and find references: pages (literal and built at run time), procedures, variables, includes.</summary>
public sealed class NavigationTests
{
    private const string Script = "let n = 2\nproc leaf(parent, idx) {\n    page L$idx level 1\n    link $parent[$idx] -> L$idx\n}\nroot R level 2\nfor i in 0..$n {\n    call leaf(\"R\", $i)\n}\nunsync L1\nexpect L1.unsync && $n == 2\n";

    [Fact]
    public void PageMadeInALoop_DefinitionIsItsPageStatement()
    {
        var doc = Analyzed.Of(Script);
        var target = Assert.Single(NavigationProvider.Definition(doc.Syntax, doc.Run, doc.At("unsync L1", 7)));
        Assert.Equal("L$idx", doc.TextOf(target.Range));
        Assert.Equal(2, target.Range.Start.Line);
    }

    [Fact]
    public void LiteralPage_ReferencesAreEveryUse()
    {
        var doc = Analyzed.Of(Script);
        var refs = NavigationProvider.References(doc.Syntax, doc.Run, doc.At("L1.unsync"), includeDeclaration: true);
        Assert.Equal(["L1", "L1"], refs.Select(r => doc.TextOf(r.Range)));
        var root = NavigationProvider.References(doc.Syntax, doc.Run, doc.At("root R", 5), includeDeclaration: false);
        Assert.Empty(root); // "R" in call leaf("R", ...) is a string, not a page name
    }

    [Fact]
    public void ProcedureAndVariables_ResolveByScope()
    {
        var doc = Analyzed.Of(Script);
        var proc = Assert.Single(NavigationProvider.Definition(doc.Syntax, doc.Run, doc.At("call leaf", 6)));
        Assert.Equal("leaf", doc.TextOf(proc.Range));
        Assert.Equal(1, proc.Range.Start.Line);

        var n = Assert.Single(NavigationProvider.Definition(doc.Syntax, doc.Run, doc.At("$n == 2", 1)));
        Assert.Equal(0, n.Range.Start.Line);
        Assert.Equal(3, NavigationProvider.References(doc.Syntax, doc.Run, doc.At("let n", 4), includeDeclaration: true).Count);

        var idx = Assert.Single(NavigationProvider.Definition(doc.Syntax, doc.Run, doc.At("$idx]", 1)));
        Assert.Equal("idx", doc.TextOf(idx.Range));
        Assert.Equal(1, idx.Range.Start.Line);
        var i = Assert.Single(NavigationProvider.Definition(doc.Syntax, doc.Run, doc.At("$i)", 1)));
        Assert.Equal(6, i.Range.Start.Line);
    }

    [Fact]
    public void Include_DefinitionIsTheFile()
    {
        string dir = Path.Combine(Path.GetTempPath(), "mmudsl-lsp-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllText(Path.Combine(dir, "common.mmu"), "root R level 2\n");
            var doc = Analyzed.Of("include \"common.mmu\"\nshow R\n", Path.Combine(dir, "main.mmu"));
            var file = Assert.Single(NavigationProvider.Definition(doc.Syntax, doc.Run, doc.At("common")));
            Assert.Equal(new Uri(Path.Combine(dir, "common.mmu")).AbsoluteUri, file.Uri);
            var root = Assert.Single(NavigationProvider.Definition(doc.Syntax, doc.Run, doc.At("show R", 5)));
            Assert.Equal(file.Uri, root.Uri);
            Assert.Equal(5, root.Range.Start.Character);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
