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
                new RootStatement(LowerName(c.pageName()), LowerExpr(c.level), c.gfn is null ? null : LowerExpr(c.gfn), span),
            MmuParser.PageStatementContext c =>
                new PageStatement(LowerName(c.pageName()), LowerExpr(c.level), c.gfn is null ? null : LowerExpr(c.gfn), span),
            MmuParser.LinkStatementContext c =>
                new LinkStatement(LowerName(c.parent), LowerExpr(c.expr()), LowerName(c.child), span),
            MmuParser.MapStatementContext c =>
                new MapStatement(LowerName(c.pageName()), LowerExpr(c.expr()), c.LARGE() is not null, span),
            MmuParser.UnlinkStatementContext c => new UnlinkStatement(LowerName(c.pageName()), LowerExpr(c.expr()), span),
            MmuParser.UnsyncStatementContext c => new UnsyncStatement(LowerName(c.pageName()), span),
            MmuParser.SyncStatementContext c =>
                new SyncStatement(LowerName(c.pageName()), c.expr() is { } after ? LowerExpr(after) : null, span),
            MmuParser.FailSyncStatementContext c => new FailSyncStatement(LowerName(c.pageName()), span),
            MmuParser.ZapStatementContext c => new ZapStatement(LowerName(c.pageName()), span),
            MmuParser.ZapUnsyncChildrenStatementContext c => new ZapUnsyncChildrenStatement(LowerName(c.pageName()), span),
            MmuParser.SetStatementContext c => new SetStatement(Ident(c.ID()), LowerExpr(c.expr()), span),
            MmuParser.AlgorithmsStatementContext c => new AlgorithmsStatement([.. c.ID().Select(Ident)], span),
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
