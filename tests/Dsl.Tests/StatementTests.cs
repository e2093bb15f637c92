using MmuDsl.Dsl.Syntax;

namespace MmuDsl.Dsl.Tests;

/// <summary>Each statement of docs/language.md#statements parses to its node.</summary>
public sealed class StatementTests
{
    private static long Int(Expr? expression) => Assert.IsType<IntLiteral>(expression).Value;

    private static string Name(PageName name) => Assert.IsType<string>(name.LiteralText);

    [Fact]
    public void Root_WithLevel_ParsesNameAndLevel()
    {
        var root = Parsing.Single<RootStatement>("root R level 4\n");
        Assert.Equal("R", Name(root.Name));
        Assert.Equal(4, Int(root.Level));
        Assert.Null(root.Gfn);
    }

    [Fact]
    public void Page_WithGfn_ParsesHexGfn()
    {
        var page = Parsing.Single<PageStatement>("page P3 level 3 gfn 0x1234\n");
        Assert.Equal("P3", Name(page.Name));
        Assert.Equal(3, Int(page.Level));
        Assert.Equal(0x1234, Int(page.Gfn));
    }

    [Fact]
    public void Link_ParsesParentIndexAndChild()
    {
        var link = Parsing.Single<LinkStatement>("link P[5] -> C\n");
        Assert.Equal("P", Name(link.Parent));
        Assert.Equal(5, Int(link.Index));
        Assert.Equal("C", Name(link.Child));
    }

    [Fact]
    public void RootAndPage_WithRole_ParseTheRoleAfterTheGfn()
    {
        var page = Parsing.Single<PageStatement>("page B level 1 gfn 0x40 role 2\n");
        Assert.Equal(0x40, Int(page.Gfn));
        Assert.Equal(2, Int(page.Role));
        var root = Parsing.Single<RootStatement>("root R level 4 role $r\n");
        Assert.Null(root.Gfn);
        Assert.Equal("r", Assert.IsType<VariableExpr>(root.Role).Name);
        Assert.Null(Parsing.Single<PageStatement>("page P level 1\n").Role);
    }

    [Fact]
    public void Page_VariableThenRoleReadFromAField_Parses()
    {
        var page = Parsing.Single<PageStatement>("page A level 1 gfn $g role P.level\n");
        Assert.Equal("g", Assert.IsType<VariableExpr>(page.Gfn).Name);
        Assert.IsType<FieldExpr>(page.Role);
        Assert.IsType<FieldExpr>(Parsing.Single<RootStatement>("root R level $l role P.level + 1\n").Role is BinaryExpr b ? b.Left : null);
    }

    [Fact]
    public void Link_ViaFetch_WithAndWithoutInterruptAfter()
    {
        var plain = Parsing.Single<LinkStatement>("link P[5] -> C\n");
        Assert.False(plain.ViaFetch);
        Assert.Null(plain.InterruptAfter);

        var fetch = Parsing.Single<LinkStatement>("link P[5] -> C via fetch\n");
        Assert.True(fetch.ViaFetch);
        Assert.Null(fetch.InterruptAfter);
        Assert.Equal("C", Name(fetch.Child));

        var interrupted = Parsing.Single<LinkStatement>("link P[$i] -> C$i via fetch interrupt-after 2\n");
        Assert.True(interrupted.ViaFetch);
        Assert.Equal(2, Int(interrupted.InterruptAfter));
        Assert.Equal(2, interrupted.Child.Parts.Length);
    }

    [Fact]
    public void Sync_YieldAfter_ParsesTheCountAndTheBlock()
    {
        var sync = Parsing.Single<SyncStatement>("sync R yield-after 1 {\n  unsync L\n  link P[0] -> C via fetch\n}\n");
        Assert.Equal(1, Int(sync.YieldAfter));
        Assert.Null(sync.InterruptAfter);
        Assert.NotNull(sync.AtYield);
        Assert.Collection(sync.AtYield.Statements, s => Assert.IsType<UnsyncStatement>(s), s => Assert.True(Assert.IsType<LinkStatement>(s).ViaFetch));
        Assert.Empty(Parsing.Single<SyncStatement>("sync R yield-after $n {\n}\n").AtYield!.Statements);
        Assert.Null(Parsing.Single<SyncStatement>("sync R\n").AtYield);
    }

    [Fact]
    public void SyncYieldAfterSpan_RunsToClosingBrace_AndTraceWrapsIt()
    {
        const string text = "trace sync R yield-after 1 {\n  zap R\n}\nstats\n";
        var file = Parsing.Valid(text);
        var trace = Assert.IsType<TraceStatement>(file.Statements[0]);
        var sync = Assert.IsType<SyncStatement>(trace.Inner);
        Assert.Equal("sync R yield-after 1 {\n  zap R\n}", text[sync.Span.Start..sync.Span.End]);
        Assert.IsType<ZapStatement>(Assert.Single(sync.AtYield!.Statements));
        Assert.Equal(4, file.Statements[1].Span.Line);
    }

    [Fact]
    public void ContextualWords_RoleViaFetch_StayPageNames()
    {
        // `role`, `via` and `fetch` are not reserved: they are words only where the grammar expects them.
        var page = Parsing.Single<PageStatement>("page role level 1 role 1\n");
        Assert.Equal("role", Name(page.Name));
        var link = Parsing.Single<LinkStatement>("link via[0] -> fetch via fetch\n");
        Assert.Equal("via", Name(link.Parent));
        Assert.Equal("fetch", Name(link.Child));
        Assert.True(link.ViaFetch);
        Assert.IsType<FieldExpr>(Parsing.Expression("role.unsync"));
        Assert.IsType<FieldExpr>(Parsing.Expression("via.zapped"));
    }

    [Theory]
    [InlineData("map L[5]\n", false)]
    [InlineData("map P[5] large\n", true)]
    public void Map_ParsesLarge(string text, bool large)
    {
        var map = Parsing.Single<MapStatement>(text);
        Assert.Equal(5, Int(map.Index));
        Assert.Equal(large, map.Large);
    }

    [Fact]
    public void Unlink_ParsesPageAndIndex()
    {
        var unlink = Parsing.Single<UnlinkStatement>("unlink P[511]\n");
        Assert.Equal("P", Name(unlink.Page));
        Assert.Equal(511, Int(unlink.Index));
    }

    [Fact]
    public void PageStatements_ParseTheirPage()
    {
        Assert.Equal("L", Name(Parsing.Single<UnsyncStatement>("unsync L\n").Page));
        Assert.Equal("L", Name(Parsing.Single<FailSyncStatement>("fail-sync L\n").Page));
        Assert.Equal("P", Name(Parsing.Single<ZapStatement>("zap P\n").Page));
        Assert.Equal("P", Name(Parsing.Single<ZapUnsyncChildrenStatement>("zap-unsync-children P\n").Page));
    }

    [Fact]
    public void Sync_WithAndWithoutInterruptAfter()
    {
        Assert.Null(Parsing.Single<SyncStatement>("sync R\n").InterruptAfter);
        Assert.Equal(2, Int(Parsing.Single<SyncStatement>("sync R interrupt-after 2\n").InterruptAfter));
    }

    [Fact]
    public void Set_ParsesNameAndValue()
    {
        var set = Parsing.Single<SetStatement>("set pvec 4\n");
        Assert.Equal("pvec", set.Name.Name);
        Assert.Equal(4, Int(set.Value));
    }

    [Fact]
    public void Algorithms_ParsesNamesAsIdentifiers()
    {
        var algorithms = Parsing.Single<AlgorithmsStatement>("algorithms legacy recursive \"walks/mine.cs\"\n");
        Assert.Equal(["legacy", "recursive", null], algorithms.Entries.Select(n => n.Name?.Name));
        Assert.Equal(12, algorithms.Entries[0].Span.Column);
        Assert.Equal(19, algorithms.Entries[1].Span.Column);
        var path = Assert.IsType<StringTextPart>(Assert.Single(algorithms.Entries[2].Path!.Parts));
        Assert.Equal("walks/mine.cs", path.Text);
        Assert.Equal(29, algorithms.Entries[2].Span.Column);
    }

    [Theory]
    [InlineData("@legacy show\n", "legacy")]
    [InlineData("@recursive show\n", "recursive")]
    [InlineData("@eager show\n", "eager")]
    [InlineData("@my_walk show\n", "my_walk")]
    [InlineData("show\n", null)]
    public void Qualifier_PrefixesAnyStatement(string text, string? qualifier)
    {
        var show = Parsing.Single<ShowStatement>(text);
        Assert.Equal(qualifier, show.Qualifier?.Name);
        Assert.Equal(1, show.Span.Column);
        if (show.Qualifier is { } q)
        {
            Assert.Equal(1, q.Span.Column);
        }
    }

    [Fact]
    public void Let_ParsesNameAndValue()
    {
        var let = Parsing.Single<LetStatement>("let n = 16\n");
        Assert.Equal("n", let.Name.Name);
        Assert.Equal(16, Int(let.Value));
    }

    [Fact]
    public void For_ParsesBoundsAndBody()
    {
        var loop = Parsing.Single<ForStatement>("for i in 0..$n {\n    page L$i level 1\n    show\n}\n");
        Assert.Equal("i", loop.Variable.Name);
        Assert.Equal(0, Int(loop.From));
        Assert.Equal("n", Assert.IsType<VariableExpr>(loop.To).Name);
        Assert.Collection(loop.Body.Statements, s => Assert.IsType<PageStatement>(s), s => Assert.IsType<ShowStatement>(s));
    }

    [Fact]
    public void Proc_ParsesParametersAndBody()
    {
        var proc = Parsing.Single<ProcStatement>("proc leaf(parent, idx, name) {\n  link $parent[$idx] -> $name\n}\n");
        Assert.Equal("leaf", proc.Name.Name);
        Assert.Equal(["parent", "idx", "name"], proc.Parameters.Select(p => p.Name));
        var link = Assert.IsType<LinkStatement>(Assert.Single(proc.Body.Statements));
        Assert.Equal("parent", Assert.IsType<NameVariablePart>(Assert.Single(link.Parent.Parts)).Name);
    }

    [Fact]
    public void Proc_WithoutParameters_Parses()
    {
        Assert.Empty(Parsing.Single<ProcStatement>("proc f() {\n}\n").Parameters);
    }

    [Fact]
    public void Call_ParsesArguments()
    {
        var call = Parsing.Single<CallStatement>("call leaf(\"P\", 3, \"L3\")\n");
        Assert.Equal("leaf", call.Name.Name);
        Assert.Equal(3, call.Arguments.Length);
        Assert.Equal("P", Assert.IsType<StringExpr>(call.Arguments[0]).LiteralText);
        Assert.Empty(Parsing.Single<CallStatement>("call f()\n").Arguments);
    }

    [Fact]
    public void Include_ParsesPathString()
    {
        var include = Parsing.Single<IncludeStatement>("include \"common/two-roots.mmu\"\n");
        Assert.Equal("common/two-roots.mmu", include.Path.LiteralText);
    }

    [Fact]
    public void OutputStatements_Parse()
    {
        Assert.IsType<StringExpr>(Parsing.Single<EchoStatement>("echo \"text $n\"\n").Value);
        Assert.Null(Parsing.Single<ShowStatement>("show\n").Page);
        Assert.Equal("R1", Name(Assert.IsType<PageName>(Parsing.Single<ShowStatement>("show R1\n").Page)));
        Assert.True(Parsing.Single<StatsStatement>("stats\n").IsOutput);
    }

    [Fact]
    public void Trace_WrapsAnyStatement()
    {
        var trace = Parsing.Single<TraceStatement>("trace sync R interrupt-after 1\n");
        var sync = Assert.IsType<SyncStatement>(trace.Inner);
        Assert.Equal(7, sync.Span.Column);
        Assert.IsType<CallStatement>(Parsing.Single<TraceStatement>("trace call f()\n").Inner);
    }

    [Fact]
    public void Expect_ParsesConditionOrInvariants()
    {
        Assert.IsType<BinaryExpr>(Parsing.Single<ExpectStatement>("expect R.unsync_children == 1\n").Condition);
        Assert.IsType<ExpectInvariantsStatement>(Parsing.Valid("expect invariants\n").Statements.Single());
    }

    [Fact]
    public void CommentsAndBlankLines_AreIgnored()
    {
        var file = Parsing.Valid("# a scenario\n\n  root R level 4   # the root\n\t\n# end\n");
        Assert.IsType<RootStatement>(Assert.Single(file.Statements));
    }

    [Fact]
    public void LastLine_WithoutLineBreak_Parses()
    {
        Assert.Equal(2, Parsing.Valid("root R level 4\nshow R").Statements.Length);
        Assert.Empty(Parsing.Valid("").Statements);
    }

    [Fact]
    public void CrLfLines_Parse()
    {
        var file = Parsing.Valid("root R level 4\r\nfor i in 0..2 {\r\n  show\r\n}\r\n");
        Assert.Equal(2, file.Statements.Length);
    }

    [Fact]
    public void StatementSpan_CoversStatementWithoutLineBreak()
    {
        const string text = "  @legacy map L[5] large  # c\n";
        var map = Parsing.Single<MapStatement>(text);
        Assert.Equal((1, 3), (map.Span.Line, map.Span.Column));
        Assert.Equal("@legacy map L[5] large", text[map.Span.Start..map.Span.End]);
    }

    [Fact]
    public void ForSpan_RunsToClosingBrace()
    {
        const string text = "for i in 0..2 {\n  show\n}\nstats\n";
        var file = Parsing.Valid(text);
        var loop = Assert.IsType<ForStatement>(file.Statements[0]);
        Assert.Equal("for i in 0..2 {\n  show\n}", text[loop.Span.Start..loop.Span.End]);
        Assert.Equal("{\n  show\n}", text[loop.Body.Span.Start..loop.Body.Span.End]);
        Assert.Equal(4, file.Statements[1].Span.Line);
    }

    [Fact]
    public void NestedBlocks_Parse()
    {
        var outer = Parsing.Single<ForStatement>("for i in 0..2 {\n  for j in 0..2 {\n    proc p() {\n      stats\n    }\n  }\n}\n");
        var inner = Assert.IsType<ForStatement>(Assert.Single(outer.Body.Statements));
        Assert.IsType<ProcStatement>(Assert.Single(inner.Body.Statements));
    }
}
