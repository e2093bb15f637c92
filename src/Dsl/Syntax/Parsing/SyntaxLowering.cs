using System.Collections.Immutable;
using Antlr4.Runtime;
using Antlr4.Runtime.Tree;
using MmuDsl.Dsl.Parsing.Generated;

namespace MmuDsl.Dsl.Syntax.Parsing;

/// <summary>
/// Lowers ANTLR's parse tree to the immutable syntax tree, and reports what the grammar leaves to
/// it: invalid integers and escapes, unknown <c>@</c> qualifiers, misplaced golden blocks. Lines
/// with a syntax error are left out (their blocks are still lowered, for their diagnostics).
/// Its recursion is bounded by the pre-scan's limits: blocks and nesting recurse, but a chain of
/// binary operators (the parse tree is as deep as the chain is long) is lowered in a loop.
/// </summary>
internal sealed partial class SyntaxLowering(
    string text, LineMap map, List<Diagnostic> diagnostics, IReadOnlySet<ParserRuleContext> brokenLines, IReadOnlySet<IToken> unterminatedGoldens, NamePool names)
{
    public ImmutableArray<Statement> LowerFile(MmuParser.FileContext file) => LowerLines(file);

    private ImmutableArray<Statement> LowerLines(ParserRuleContext container)
    {
        var statements = ImmutableArray.CreateBuilder<Statement>();
        if (container.children is null)
        {
            return statements.ToImmutable();
        }

        foreach (IParseTree child in container.children)
        {
            switch (child)
            {
                case MmuParser.LineContext { exception: null } line when line.statementLine() is { } statementLine:
                    if (LowerStatementLine(statementLine) is { } statement)
                    {
                        statements.Add(statement);
                    }

                    break;
                case MmuParser.LineContext { exception: null } line when line.GOLDEN() is { } golden:
                    Report(Span(golden.Symbol.StartIndex, golden.Symbol.StartIndex + 4),
                        "a golden block must come right after an output statement (show, stats, echo or trace)");
                    break;
                case MmuParser.BlockContext stray:
                    // A block the error recovery parsed for a line it skipped.
                    LowerLines(stray);
                    break;
            }
        }

        return statements.ToImmutable();
    }

    private Statement? LowerStatementLine(MmuParser.StatementLineContext line)
    {
        MmuParser.StatementPartContext? part = line.statementPart();
        if (brokenLines.Contains(line) || part is null || part.exception is not null)
        {
            LowerBlocksWithin(line);
            return null;
        }

        if (part.SKIPPED() is not null)
        {
            // Rejected (and reported) by the pre-scan.
            if (part.block() is { } skippedBlock)
            {
                LowerLines(skippedBlock);
            }

            return null;
        }

        Statement statement = LowerStatement(part.statement()) with
        {
            Span = Span(part),
            Qualifier = LowerQualifier(part.AT_NAME()),
        };

        if (line.GOLDEN() is { } goldenNode)
        {
            GoldenBlock golden = LowerGolden(goldenNode.Symbol);
            if (statement.IsOutput)
            {
                statement = statement with { Golden = golden };
            }
            else
            {
                Report(golden.Opening, "a golden block can only follow an output statement (show, stats, echo or trace)");
            }
        }

        return statement;
    }

    /// <summary>Lowers, for their diagnostics only, the blocks inside a line left out of the tree.</summary>
    private void LowerBlocksWithin(ParserRuleContext line)
    {
        var pending = new Stack<IParseTree>();
        pending.Push(line);
        while (pending.Count > 0)
        {
            IParseTree node = pending.Pop();
            if (node is MmuParser.BlockContext block)
            {
                LowerLines(block);
                continue;
            }

            for (int i = node.ChildCount - 1; i >= 0; i--)
            {
                pending.Push(node.GetChild(i));
            }
        }
    }

    private AlgorithmQualifier? LowerQualifier(ITerminalNode? node) =>
        node == null ? null : new AlgorithmQualifier(node.GetText()[1..], Span(node.Symbol));

    private GoldenBlock LowerGolden(IToken token)
    {
        int start = token.StartIndex;
        int end = token.StopIndex + 1;
        int contentStart = start + 4;
        if (contentStart < end && text[contentStart] == '\r')
        {
            contentStart++;
        }

        if (contentStart < end && text[contentStart] == '\n')
        {
            contentStart++;
        }

        int contentEnd = end;
        if (!unterminatedGoldens.Contains(token))
        {
            // The closing line: `----`, then `\r\n`, `\n` or the end of the file.
            if (contentEnd > contentStart && text[contentEnd - 1] == '\n')
            {
                contentEnd--;
            }

            if (contentEnd > contentStart && text[contentEnd - 1] == '\r')
            {
                contentEnd--;
            }

            contentEnd = Math.Max(contentStart, contentEnd - 4);
        }

        return new GoldenBlock(
            Span(start, end), Span(start, start + 4), Span(contentStart, contentEnd), text[contentStart..contentEnd]);
    }

    private SourceSpan Span(ParserRuleContext context) =>
        Span(context.Start.StartIndex, Math.Max(context.Start.StartIndex, context.Stop.StopIndex + 1));

    private SourceSpan Span(IToken token) => Span(token.StartIndex, token.StopIndex + 1);

    private SourceSpan Span(int start, int end) => map.Span(start, end);

    private Identifier Ident(ITerminalNode node) => new(names.Intern(node.GetText()), Span(node.Symbol));

    private void Report(SourceSpan span, string message) =>
        diagnostics.Add(new Diagnostic(span, DiagnosticSeverity.Error, message));
}
