using System.Runtime.CompilerServices;
using Antlr4.Runtime;
using MmuDsl.Dsl.Parsing.Generated;

namespace MmuDsl.Dsl.Syntax.Parsing;

/// <summary>
/// The generated parser, checking at every rule entry that the thread has stack left. The
/// pre-scan's limits keep the recursion within a 1 MB stack; this catches a smaller stack (or
/// larger limits): <see cref="InsufficientExecutionStackException"/> unwinds the whole parse and
/// <see cref="ScenarioParser"/> turns it into a diagnostic instead of a crash.
/// </summary>
internal sealed class StackGuardedParser(ITokenStream input) : MmuParser(input, TextWriter.Null, TextWriter.Null)
{
    public override void EnterRule(ParserRuleContext localctx, int state, int ruleIndex)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        base.EnterRule(localctx, state, ruleIndex);
    }

    public override void EnterRecursionRule(ParserRuleContext localctx, int state, int ruleIndex, int precedence)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        base.EnterRecursionRule(localctx, state, ruleIndex, precedence);
    }
}
