using System.Text;
using MmuDsl.Dsl.Output;
using MmuDsl.Dsl.Syntax;
using MmuDsl.Mmu.Invariants;

namespace MmuDsl.Dsl.Runtime;

/// <summary>Expectations: <c>expect EXPR</c> (what it read, recorded only when it fails) and <c>expect invariants</c>.</summary>
internal sealed partial class Interpreter
{
    private void Expect(ExpectStatement s, Scope scope)
    {
        // Evaluating reads and never writes: what it read is recorded only when it failed, by
        // evaluating it again (a passing expect allocates nothing).
        var outer = _reads;
        _reads = null;
        Value v;
        try
        {
            v = Evaluate(s.Condition, scope);
        }
        finally
        {
            _reads = outer;
        }

        if (v.Kind != ValueKind.Bool)
        {
            throw new ScriptRuntimeException(s.Condition.Span, $"expect needs a bool, but this expression is {Value.TypeName(v.Kind)} ({v.ToLiteral()})");
        }

        if (v.AsBool)
        {
            return;
        }

        var reads = new ReadRecorder();
        _reads = reads;
        try
        {
            Evaluate(s.Condition, scope);
        }
        finally
        {
            _reads = outer;
        }

        var details = new StringBuilder();
        foreach (var (label, value) in reads.Values)
        {
            details.Append("  ").Append(label).Append(" = ").Append(value.ToLiteral()).Append('\n');
        }

        foreach (var page in reads.Pages)
        {
            details.Append("  show: ").Append(ShowPrinter.PageLine(page)).Append('\n');
        }

        string text = SourceText(s.Condition.Span);
        _run.Failures.Add(new ScenarioFailure(s.Condition.Span, FailureKind.Expectation, _run.Algorithm, $"expectation failed [{_run.Algorithm}]: {text}", details.ToString()));
    }

    private void ExpectInvariants(ExpectInvariantsStatement s)
    {
        var broken = InvariantChecker.Check(_mmu);
        if (broken.Count == 0)
        {
            return;
        }

        var details = new StringBuilder();
        foreach (var v in broken)
        {
            details.Append("  ").Append(v.ToString()).Append('\n');
        }

        _run.Failures.Add(new ScenarioFailure(s.Span, FailureKind.Invariants, _run.Algorithm, $"expectation failed [{_run.Algorithm}]: invariants ({broken.Count} broken)", details.ToString()));
    }

    private string SourceText(SourceSpan span)
    {
        string? text = _loader.TextOf(span.Path);
        if (text == null || span.End > text.Length || span.Start < 0 || span.End < span.Start)
        {
            return "(expression)";
        }

        return text[span.Start..span.End];
    }
}
