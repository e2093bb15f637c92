using System.Runtime.CompilerServices;
using Antlr4.Runtime;
using Antlr4.Runtime.Atn;
using Antlr4.Runtime.Misc;
using MmuDsl.Dsl.Parsing.Generated;

namespace MmuDsl.Dsl.Syntax.Parsing;

/// <summary>
/// How the parser reports and recovers, for a language of one statement per line: the first
/// error in a line is reported (in <see cref="SyntaxErrorMessages"/>' words) and the rest of the
/// line is skipped, so every bad line is reported once and nothing cascades. A trailing
/// <c>{</c> of a skipped line still opens its block, which is parsed (its errors reported) and
/// dropped, so the block's <c>}</c> does not look stray.
/// <para>
/// An error inside a statement is rethrown by <see cref="Recover"/> until it reaches the
/// statementPart rule, which skips to the end of the line; the line is then one of
/// <see cref="BrokenLines"/>, which the lowering leaves out of the tree. Read this with the
/// grammar's file/line/statementLine/statementPart/block rules, and the tests in
/// tests/Dsl.Tests/SyntaxErrorTests.cs.
/// </para>
/// </summary>
internal sealed class ScenarioErrorStrategy(LineMap map, List<Diagnostic> diagnostics) : IAntlrErrorStrategy
{
    private bool errorMode;
    private IntervalSet? lineStarts;
    private int blockCallState = -1;

    /// <summary>The statementLine contexts that had a syntax error somewhere in them.</summary>
    public HashSet<ParserRuleContext> BrokenLines { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// True when the parse met the end of its tokens inside a block. For a chunk that is not the
    /// end of the file (ScenarioParser), the block goes on in the next chunk: it is parsed again
    /// together with it.
    /// </summary>
    public bool EndedInsideBlock { get; set; }

    public void Reset(Parser recognizer) => errorMode = false;

    public bool InErrorRecoveryMode(Parser recognizer) => errorMode;

    public void ReportMatch(Parser recognizer) => errorMode = false;

    public void ReportError(Parser recognizer, RecognitionException e)
    {
        if (errorMode)
        {
            return;
        }

        errorMode = true;
        MarkBroken(recognizer.Context);
        if (e.OffendingToken.Type != MmuParser.SKIPPED)
        {
            Report(e.OffendingToken, Previous(recognizer, e.OffendingToken), SyntaxErrorMessages.ForException(recognizer, e));
        }
    }

    public void Recover(Parser recognizer, RecognitionException e)
    {
        if (recognizer.Context is MmuParser.StatementPartContext or MmuParser.StatementLineContext or MmuParser.LineContext
            or MmuParser.BlockContext or MmuParser.FileContext)
        {
            SkipRestOfLine(recognizer, swallowBlocks: true);
            return;
        }

        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            // Each rethrow below runs inside the previous level's catch handler, whose frames stay
            // on the stack until the exception is caught: 32 nested parentheses with an error
            // inside overflowed a 1 MB stack. With the stack low, skip to the end of the line and
            // let this rule return normally instead; the rules around it then meet the line break,
            // fail quietly (the line is already broken and reported) and return the same way.
            SkipRestOfLine(recognizer, swallowBlocks: false);
            return;
        }

        // Unwind to the statementPart rule: each rule on the way ends, its context keeping the exception.
        throw e;
    }

    public void Sync(Parser recognizer)
    {
        // Only the loops over lines act: a token that cannot start a line is reported and its
        // line skipped; everywhere else a bad token is left to the match that follows.
        if (recognizer.Context is not (MmuParser.FileContext or MmuParser.BlockContext))
        {
            return;
        }

        IToken token = recognizer.CurrentToken;
        if (token.Type == TokenConstants.EOF
            || (token.Type == MmuParser.RBRACE && recognizer.Context is MmuParser.BlockContext)
            || LineStarts(recognizer).Contains(token.Type))
        {
            return;
        }

        if (!errorMode)
        {
            Report(token, null, SyntaxErrorMessages.ForLineStart(token));
        }

        errorMode = true;
        SkipRestOfLine(recognizer, swallowBlocks: true);
    }

    public IToken RecoverInline(Parser recognizer)
    {
        IToken current = recognizer.CurrentToken;
        IntervalSet expected = recognizer.GetExpectedTokens();
        ParserRuleContext context = recognizer.Context;

        if (context is MmuParser.StatementLineContext && expected.Contains(MmuParser.NEWLINE))
        {
            // Junk at the end of a line: report it, skip it and take the line break.
            ReportOnce(recognizer, current, SyntaxErrorMessages.ForMismatch(recognizer, current, expected));
            MarkBroken(context);
            SkipRestOfLine(recognizer, swallowBlocks: true);
            return TakeLineEnd(recognizer, current, MmuParser.NEWLINE);
        }

        if (context is MmuParser.BlockContext && expected.Contains(MmuParser.BLOCK_OPEN) && BlockIntended(recognizer))
        {
            // `for ... { show` or `for i in 0..3 4 {`: report, and parse the lines below as the block.
            string message = current.Type == MmuParser.LBRACE
                ? "'{' must end its line: the block's statements go on the lines below it, and its '}' on a line of its own"
                : SyntaxErrorMessages.ForMismatch(recognizer, current, expected);
            ReportOnce(recognizer, current, message);
            MarkBroken(context);
            SkipRestOfLine(recognizer, swallowBlocks: false);
            return TakeLineEnd(recognizer, current, MmuParser.BLOCK_OPEN);
        }

        if (context is MmuParser.BlockContext block && current.Type == TokenConstants.EOF && expected.Contains(MmuParser.RBRACE))
        {
            EndedInsideBlock = true;
            Report(block.Start, null, SyntaxErrorMessages.ForUnclosedBlock());
            errorMode = true;
            MarkBroken(context);
            return Conjure(current, MmuParser.RBRACE);
        }

        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            // As in Recover: no unwinding by exception with the stack low. The line is reported
            // and broken; the wanted token is conjured and the rule goes on to the line break.
            ReportOnce(recognizer, current, SyntaxErrorMessages.ForMismatch(recognizer, current, expected));
            MarkBroken(context);
            SkipRestOfLine(recognizer, swallowBlocks: false);
            return Conjure(current, expected.MinElement);
        }

        throw new InputMismatchException(recognizer);
    }

    /// <summary>True when the rest of the line holds a <c>{</c>: the author meant to open a block.</summary>
    private static bool BlockIntended(Parser recognizer)
    {
        var tokens = (ITokenStream)recognizer.InputStream;
        for (int i = 1; tokens.LA(i) is not (MmuParser.NEWLINE or TokenConstants.EOF); i++)
        {
            if (tokens.LA(i) is MmuParser.LBRACE or MmuParser.BLOCK_OPEN)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// After <see cref="SkipRestOfLine"/>: consumes the token that ends the line, as the token the
    /// parser wanted (a conjured one at the end of the file).
    /// </summary>
    private IToken TakeLineEnd(Parser recognizer, IToken at, int wanted)
    {
        IToken end = recognizer.CurrentToken;
        if (end.Type == TokenConstants.EOF)
        {
            return Conjure(at, wanted);
        }

        ReportMatch(recognizer);
        recognizer.Consume();
        return end;
    }

    private void ReportOnce(Parser recognizer, IToken token, string message)
    {
        if (!errorMode && token.Type != MmuParser.SKIPPED)
        {
            Report(token, Previous(recognizer, token), message);
        }

        errorMode = true;
    }

    private static IToken? Previous(Parser recognizer, IToken token) =>
        token.TokenIndex > 0 ? ((ITokenStream)recognizer.InputStream).Get(token.TokenIndex - 1) : null;

    /// <summary>
    /// Consumes tokens up to the end of the line: the NEWLINE stays, and so does a block's
    /// <c>{</c> (BLOCK_OPEN), unless <paramref name="swallowBlocks"/>: then the block is parsed
    /// (its errors reported) and left out of the tree, and the skipping goes on after its <c>}</c>.
    /// </summary>
    private void SkipRestOfLine(Parser recognizer, bool swallowBlocks)
    {
        var tokens = (ITokenStream)recognizer.InputStream;
        while (tokens.LA(1) is not (MmuParser.NEWLINE or TokenConstants.EOF))
        {
            if (tokens.LA(1) == MmuParser.BLOCK_OPEN)
            {
                if (!swallowBlocks)
                {
                    return;
                }

                // The block's context records the parser's state as the one that invoked it, and
                // prediction inside the block reads that state's rule transition: pretend to be
                // the grammar's own call of `block` (in statementPart).
                int state = recognizer.State;
                recognizer.State = BlockCallState(recognizer);
                ((MmuParser)recognizer).block();
                recognizer.State = state;
                continue;
            }

            recognizer.Consume();
        }
    }

    private int BlockCallState(Parser recognizer)
    {
        if (blockCallState < 0)
        {
            ATN atn = recognizer.Atn;
            blockCallState = atn.states.First(s => s.ruleIndex == MmuParser.RULE_statementPart
                && s.NumberOfTransitions > 0
                && s.Transition(0) is RuleTransition call
                && call.target == atn.ruleToStartState[MmuParser.RULE_block]).stateNumber;
        }

        return blockCallState;
    }

    private static CommonToken Conjure(IToken at, int type) => new(type, string.Empty)
    {
        StartIndex = at.StartIndex,
        StopIndex = at.StartIndex - 1,
        Line = at.Line,
        Column = at.Column,
    };

    private IntervalSet LineStarts(Parser recognizer) =>
        lineStarts ??= recognizer.Atn.NextTokens(recognizer.Atn.ruleToStartState[MmuParser.RULE_line]);

    private void MarkBroken(RuleContext? context)
    {
        while (context is not null and not MmuParser.StatementLineContext)
        {
            context = context.Parent;
        }

        if (context is MmuParser.StatementLineContext line)
        {
            BrokenLines.Add(line);
        }
    }

    /// <summary>
    /// Reports at <paramref name="token"/>; at a line break, right after <paramref name="previous"/>
    /// instead, where the caret reads best ("expected an expression after '+'").
    /// </summary>
    private void Report(IToken token, IToken? previous, string message)
    {
        int start = token.StartIndex;
        int end = token.Type == MmuParser.BLOCK_OPEN ? start + 1 : token.StopIndex + 1;
        if (token.Type is MmuParser.NEWLINE or TokenConstants.EOF
            && previous is not null && previous.Type is not (MmuParser.NEWLINE or MmuParser.BLOCK_OPEN or MmuParser.GOLDEN))
        {
            start = previous.StopIndex + 1;
            end = start;
        }

        diagnostics.Add(new Diagnostic(map.Span(start, end), DiagnosticSeverity.Error, message));
    }
}
