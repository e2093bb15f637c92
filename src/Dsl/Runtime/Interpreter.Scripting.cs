using System.Collections.Immutable;
using MmuDsl.Dsl.Syntax;

namespace MmuDsl.Dsl.Runtime;

/// <summary>Scripting: <c>set</c>, <c>for</c>, <c>call</c>, <c>include</c>, with their limits.</summary>
internal sealed partial class Interpreter
{
    private void Set(SetStatement s, Scope scope)
    {
        long v = EvaluateInt(s.Value, scope, $"set {s.Name.Name}");
        switch (s.Name.Name)
        {
            case "pvec":
                _mmu.BatchCapacity = (int)SettingRange.Pvec.Check(v, s.Value.Span);
                break;
            case "max_pages":
                _maxPages = (int)SettingRange.MaxPages.Check(v, s.Value.Span);
                break;
            case "max_loop_iterations":
                _maxLoopIterations = SettingRange.MaxLoopIterations.Check(v, s.Value.Span);
                break;
            case "max_call_depth":
                _maxCallDepth = (int)SettingRange.MaxCallDepth.Check(v, s.Value.Span);
                break;
            case "max_output":
                _maxOutput = SettingRange.MaxOutput.Check(v, s.Value.Span);
                break;
            default:
                throw new ScriptRuntimeException(s.Span, $"unknown setting '{s.Name.Name}'; settings are {string.Join(", ", SettingRange.All.Select(r => r.Name))}");
        }
    }

    private void For(ForStatement s, Scope scope)
    {
        long from = EvaluateInt(s.From, scope, "a loop bound");
        long to = EvaluateInt(s.To, scope, "a loop bound");

        // One body scope per loop, emptied before each iteration: an iteration still starts with
        // only its loop variable (no scope outlives its block: nothing captures one).
        var body = new Scope(scope);
        for (long i = from; i < to; i++)
        {
            if (_options.MaxStatements > 0 && ++_statements > _options.MaxStatements)
            {
                throw new ScriptRuntimeException(s.Span, ErrorKind.StatementBudget, $"statement budget exhausted: this run executed more than {_options.MaxStatements} statements and loop iterations");
            }

            ThrowIfCancelled(s.Span);
            if (++_iterations > _maxLoopIterations)
            {
                throw new ScriptRuntimeException(s.Span, ErrorKind.LoopLimit, $"loop limit reached: this run made more than {_maxLoopIterations} loop iterations (raise it with 'set max_loop_iterations N' or --max-loop-iterations)");
            }

            body.Clear();
            body.Declare(s.Variable.Name, Value.Int(i));
            ExecuteBlock(s.Body.Statements, body);
        }
    }

    private void Call(CallStatement s, Scope scope)
    {
        if (!_procs.TryGetValue(s.Name.Name, out var proc))
        {
            throw new ScriptRuntimeException(s.Span, $"unknown procedure '{s.Name.Name}'; a procedure must be declared (proc {s.Name.Name}(...) {{ ... }}) before it is called");
        }

        if (proc.Parameters.Length != s.Arguments.Length)
        {
            throw new ScriptRuntimeException(s.Span, $"procedure '{s.Name.Name}' takes {proc.Parameters.Length} argument{(proc.Parameters.Length == 1 ? string.Empty : "s")} ({string.Join(", ", proc.Parameters.Select(p => p.Name))}), not {s.Arguments.Length}");
        }

        var frame = new Scope(_globals);
        for (int i = 0; i < s.Arguments.Length; i++)
        {
            frame.Declare(proc.Parameters[i].Name, Evaluate(s.Arguments[i], scope));
        }

        if (++_callDepth > _maxCallDepth)
        {
            throw new ScriptRuntimeException(s.Span, ErrorKind.CallDepthLimit, $"call depth limit reached: more than {_maxCallDepth} nested calls (is '{s.Name.Name}' recursive without end?)");
        }

        try
        {
            ExecuteBlock(proc.Body.Statements, frame);
        }
        finally
        {
            _callDepth--;
        }
    }

    private void Include(IncludeStatement s, Scope scope)
    {
        string relative = EvaluateString(s.Path, scope, "an include path");
        string full;
        try
        {
            string baseDir = Path.GetDirectoryName(Path.GetFullPath(s.Span.Path)) ?? ".";
            full = Path.GetFullPath(Path.Combine(baseDir, relative));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new ScriptRuntimeException(s.Path.Span, $"'{relative}' is not a usable file path: {e.Message}");
        }
        if (_includeStack.Contains(full, StringComparer.Ordinal) || _includeStack.Any(p => string.Equals(Path.GetFullPath(p), full, StringComparison.Ordinal)))
        {
            throw new ScriptRuntimeException(s.Path.Span, $"include cycle: '{relative}' is already being included ({string.Join(" -> ", _includeStack.Select(Path.GetFileName))} -> {Path.GetFileName(full)})");
        }

        if (_includeStack.Count >= _options.MaxIncludeDepth)
        {
            throw new ScriptRuntimeException(s.Path.Span, ErrorKind.IncludeDepthLimit, $"include depth limit reached: more than {_options.MaxIncludeDepth} nested includes");
        }

        var parsed = _loader.Load(full, out var problem, out var invalid);
        if (parsed == null)
        {
            throw problem != null
                ? new ScriptRuntimeException(s.Path.Span, $"cannot include '{relative}': {problem} ({full})")
                : new ScriptRuntimeException(s.Path.Span, $"cannot include '{relative}': it is not valid UTF-8 ({full})", invalid);
        }

        if (parsed.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            throw new ScriptRuntimeException(s.Path.Span, $"included file '{relative}' has syntax errors", parsed.Diagnostics);
        }

        var file = parsed.File;
        _run.Files.Add(file);
        foreach (var st in file.Statements)
        {
            if (st is AlgorithmsStatement a)
            {
                throw new ScriptRuntimeException(a.Span, "'algorithms' may only be the first statement of the main file, not of an included one");
            }
        }

        foreach (var st in SyntaxWalk.Statements(file.Statements))
        {
            if (st.Qualifier is { } q && _registry.Find(q.Name) == null)
            {
                throw new ScriptRuntimeException(q.Span, UnknownQualifier.Message(q.Name, _registry));
            }
        }

        _includeStack.Add(full);
        try
        {
            ExecuteBlock(file.Statements, scope);
        }
        finally
        {
            _includeStack.RemoveAt(_includeStack.Count - 1);
        }
    }
}
