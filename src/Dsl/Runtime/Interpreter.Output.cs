using System.Text;
using MmuDsl.Dsl.Output;
using MmuDsl.Dsl.Syntax;

namespace MmuDsl.Dsl.Runtime;

/// <summary>Output statements: <c>echo</c>, <c>show</c>, <c>stats</c>, <c>trace</c>, and every character counted against <c>max_output</c>.</summary>
internal sealed partial class Interpreter
{
    private void Print(Statement statement, string text) => Emit(statement, statement, text);

    // Every character of output goes through here: counted against max_output (the statement that
    // would cross it gets the diagnostic, and its text is not kept), then kept and heard live.
    private void Emit(Statement? at, Statement? owner, string text)
    {
        CountOutput(at, text.Length);
        var chunk = new OutputChunk(owner, text);
        _run.Output.Add(chunk);
        _live?.Invoke(chunk);
    }

    private void CountOutput(Statement? at, long characters)
    {
        if (_outputChars + characters > _maxOutput)
        {
            throw new ScriptRuntimeException(
                at?.Span ?? default,
                ErrorKind.OutputLimit,
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"output limit reached: this run would print more than {_maxOutput:N0} characters (raise it with 'set max_output N' or --max-output)"));
        }

        _outputChars += characters;
    }

    private void Show(ShowStatement s, Scope scope)
    {
        if (_options.ShowFormat == ShowFormat.Dot)
        {
            var tops = s.Page == null ? _mmu.Pages.Where(p => p.IsRoot) : [AnyPage(s.Page, scope)];
            Print(s, DotPrinter.Render($"{Path.GetFileName(s.Span.Path)}:{s.Span.Line} [{_run.Algorithm}]", tops));
            return;
        }

        var sb = new StringBuilder();
        if (s.Page == null)
        {
            ShowPrinter.ShowAll(_mmu, sb);
        }
        else
        {
            ShowPrinter.ShowPage(AnyPage(s.Page, scope), sb);
        }

        Print(s, sb.ToString());
    }

    private string StatsLine()
    {
        var st = _mmu.Stats;
        string line = $"stat.unsync={st.Unsync} walks={st.Walks} visits={st.Visits} syncs={st.Syncs} zaps={st.Zaps} interrupted={st.Interrupted} warnings={st.Warnings}";

        // The kernel-fidelity counters, only once they count something (older outputs stay as they were).
        if (st.Retries != 0 || st.Yields != 0 || st.UnsyncRefused != 0 || st.LinkUnsyncChildren != 0)
        {
            line += $" retries={st.Retries} yields={st.Yields} unsync_refused={st.UnsyncRefused} link_unsync_children={st.LinkUnsyncChildren}";
        }

        return line;
    }

    private void Trace(TraceStatement s, Scope scope)
    {
        // One observer serves every active trace (nested traces see each event once each).
        var sb = new StringBuilder();
        _traces.Add(sb);
        var previous = _mmu.Observer;
        if (_traces.Count == 1)
        {
            _mmu.Observer = e =>
            {
                previous?.Invoke(e);
                string line = e.Describe();
                foreach (var t in _traces)
                {
                    if (_outputChars + t.Length + line.Length + 1 > _maxOutput)
                    {
                        CountOutput(s, t.Length + line.Length + 1);
                    }

                    t.Append(line).Append('\n');
                }
            };
        }

        try
        {
            Execute(s.Inner, scope);
        }
        finally
        {
            _traces.RemoveAt(_traces.Count - 1);
            _mmu.Observer = previous;
        }

        Print(s, sb.ToString());
    }
}
