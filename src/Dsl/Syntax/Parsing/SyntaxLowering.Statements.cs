using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using MmuDsl.Dsl.Parsing.Generated;

namespace MmuDsl.Dsl.Syntax.Parsing;

internal sealed partial class SyntaxLowering
{
    private Statement LowerStatement(MmuParser.StatementContext context)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        SourceSpan span = Span(context);
        return context switch
        {
            MmuParser.RootStatementContext c =>
                new RootStatement(LowerName(c.pageName()), LowerExpr(c.level), c.gfn is null ? null : LowerExpr(c.gfn), span) { Role = LowerRole(c.roleClause()) },
            MmuParser.PageStatementContext c =>
                new PageStatement(LowerName(c.pageName()), LowerExpr(c.level), c.gfn is null ? null : LowerExpr(c.gfn), span) { Role = LowerRole(c.roleClause()) },
            MmuParser.LinkStatementContext c => LowerLink(c, span),
            MmuParser.MapStatementContext c =>
                new MapStatement(LowerName(c.pageName()), LowerExpr(c.expr()), c.LARGE() is not null, span),
            MmuParser.UnlinkStatementContext c => new UnlinkStatement(LowerName(c.pageName()), LowerExpr(c.expr()), span),
            MmuParser.UnsyncStatementContext c => new UnsyncStatement(LowerName(c.pageName()), span),
            MmuParser.SyncStatementContext c => LowerSync(c, span),
            MmuParser.FailSyncStatementContext c => new FailSyncStatement(LowerName(c.pageName()), span),
            MmuParser.ZapStatementContext c => new ZapStatement(LowerName(c.pageName()), span),
            MmuParser.ZapUnsyncChildrenStatementContext c => new ZapUnsyncChildrenStatement(LowerName(c.pageName()), span),
            MmuParser.SetStatementContext c => new SetStatement(Ident(c.ID()), LowerExpr(c.expr()), span),
            MmuParser.AlgorithmsStatementContext c => new AlgorithmsStatement([.. c.algorithmRef().Select(LowerAlgorithmRef)], span),
            MmuParser.LetStatementContext c => new LetStatement(Ident(c.ID()), LowerExpr(c.expr()), span),
            MmuParser.ForStatementContext c =>
                new ForStatement(Ident(c.ID()), LowerExpr(c.from), LowerExpr(c.to), LowerBlock(c.block()), span),
            MmuParser.ProcStatementContext c =>
                new ProcStatement(Ident(c.ID(0)), [.. c.ID().Skip(1).Select(Ident)], LowerBlock(c.block()), span),
            MmuParser.CallStatementContext c => new CallStatement(Ident(c.ID()), [.. c.expr().Select(LowerExpr)], span),
            MmuParser.IncludeStatementContext c => new IncludeStatement(LowerString(c.@string()), span),
            MmuParser.EchoStatementContext c => new EchoStatement(LowerExpr(c.expr()), span),
            MmuParser.ShowStatementContext c => new ShowStatement(c.pageName() is { } page ? LowerName(page) : null, span),
            MmuParser.StatsStatementContext => new StatsStatement(span),
            MmuParser.TraceStatementContext c => new TraceStatement(LowerStatement(c.statement()), span),
            MmuParser.ExpectStatementContext c when c.INVARIANTS() is not null => new ExpectInvariantsStatement(span),
            MmuParser.ExpectStatementContext c => new ExpectStatement(LowerExpr(c.expr()), span),
            _ => throw new InvalidOperationException($"no lowering for {context.GetType().Name}"),
        };
    }

    private Block LowerBlock(MmuParser.BlockContext block) => new(LowerLines(block), Span(block));

    private Expr? LowerRole(MmuParser.RoleClauseContext? clause)
    {
        if (clause == null)
        {
            return null;
        }

        if (clause.word.Text != "role")
        {
            Report(Span(clause.word), $"unexpected '{clause.word.Text}' after the level: write 'gfn N' and then 'role N' (the rest of the page's role), or end the line");
        }

        return LowerExpr(clause.value);
    }

    private LinkStatement LowerLink(MmuParser.LinkStatementContext c, SourceSpan span)
    {
        var link = new LinkStatement(LowerName(c.parent), LowerExpr(c.index), LowerName(c.child), span);
        if (c.viaClause() is not { } via)
        {
            return link;
        }

        if (via.via.Text != "via" || via.path.Text != "fetch")
        {
            Report(Span(via.via), $"unexpected '{via.via.Text} {via.path.Text}' after the child: write 'via fetch' to link through the page-fault path, or end the line");
        }

        return link with { ViaFetch = true, InterruptAfter = via.after is null ? null : LowerExpr(via.after) };
    }

    private SyncStatement LowerSync(MmuParser.SyncStatementContext c, SourceSpan span)
    {
        if (c.YIELD_AFTER() is not null)
        {
            return new SyncStatement(LowerName(c.pageName()), null, span) { YieldAfter = LowerExpr(c.yield), AtYield = LowerBlock(c.block()) };
        }

        return new SyncStatement(LowerName(c.pageName()), c.expr() is { } after ? LowerExpr(after) : null, span);
    }

    private AlgorithmRef LowerAlgorithmRef(MmuParser.AlgorithmRefContext context)
    {
        if (context.ID() is { } id)
        {
            return new AlgorithmRef(Ident(id), null, Span(context));
        }

        StringExpr path = LowerString(context.@string());
        if (path.Parts.Any(p => p is not StringTextPart))
        {
            Report(path.Span, "the path of a plug-in in 'algorithms' is a plain string: no $variables or ${...}");
        }

        return new AlgorithmRef(null, path, Span(context));
    }

    private PageName LowerName(MmuParser.PageNameContext context)
    {
        var parts = ImmutableArray.CreateBuilder<NamePart>();
        foreach (MmuParser.NamePartContext part in context.namePart())
        {
            SourceSpan span = Span(part);
            if (part.ID() is { } id)
            {
                parts.Add(new NameTextPart(names.Intern(id.GetText()), span));
            }
            else if (part.VAR() is { } variable)
            {
                parts.Add(new NameVariablePart(names.Intern(variable.GetText()[1..]), span));
            }
            else
            {
                // `${$i}` is `$i` (the printer writes it so before text: `L${$i}x`).
                Expr value = LowerExpr(part.expr());
                parts.Add(value is VariableExpr bare ? new NameVariablePart(bare.Name, span) : new NameExpressionPart(value, span));
            }
        }

        return new PageName(parts.ToImmutable(), Span(context));
    }
}
