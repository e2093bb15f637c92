using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text;
using MmuDsl.Dsl.Output;
using MmuDsl.Dsl.Scenarios;
using MmuDsl.Dsl.Syntax;
using MmuDsl.Mmu;
using MmuDsl.Mmu.Algorithms;
using MmuDsl.Mmu.Events;
using MmuDsl.Mmu.Invariants;

namespace MmuDsl.Dsl.Runtime;

/// <summary>
/// Runs one scenario under one algorithm: walks the syntax tree and drives a fresh
/// <see cref="ShadowMmu"/>. Every error a script can cause becomes a
/// <see cref="ScriptRuntimeException"/>, caught once in <see cref="Run"/> and stored as the run's
/// error diagnostic; nothing else escapes. Recursion is bounded by the parser's nesting limits,
/// the call-depth limit and the include-depth limit.
/// </summary>
internal sealed partial class Interpreter
{
    private readonly SourceLoader _loader;
    private readonly RunOptions _options;
    private readonly ShadowMmu _mmu;
    private readonly AlgorithmRun _run;
    private readonly AlgorithmQualifier _qualifier;
    private readonly Scope _globals = new(null);
    private readonly Dictionary<string, ProcStatement> _procs = new(StringComparer.Ordinal);
    private readonly List<string> _includeStack = [];
    private const int MaxTraceLength = 64 * 1024 * 1024;
    private const int MaxStringLength = 1024 * 1024;
    private readonly List<StringBuilder> _traces = [];
    private readonly StringBuilder _nameBuilder = new();
    private readonly bool _recordSteps;
    private readonly IRunWatcher? _watcher;
    private long _maxLoopIterations;
    private int _maxPages;
    private int _maxCallDepth;
    private long _iterations;
    private long _statements;
    private int _callDepth;
    private ReadRecorder? _reads;

    public Interpreter(UnsyncWalkAlgorithm algorithm, SourceLoader loader, RunOptions options, bool recordSteps)
    {
        _loader = loader;
        _options = options;
        _mmu = new ShadowMmu(algorithm);
        _run = new AlgorithmRun(algorithm.Name, _mmu);
        _qualifier = algorithm.Name switch
        {
            "legacy" => AlgorithmQualifier.Legacy,
            "recursive" => AlgorithmQualifier.Recursive,
            _ => AlgorithmQualifier.None,
        };
        _recordSteps = recordSteps;
        if (recordSteps)
        {
            _run.Steps = [];
        }

        _maxLoopIterations = options.MaxLoopIterations;
        _maxPages = options.MaxPages;
        _maxCallDepth = options.MaxCallDepth;
        if (options.TraceAll)
        {
            _mmu.Observer = e => _run.Output.Add(new OutputChunk(null, "  | " + e.Describe() + "\n"));
        }

        _watcher = options.Watcher?.Invoke(algorithm.Name);
        if (_watcher != null)
        {
            _mmu.Observer += _watcher.OnEvent;
        }
    }

    /// <summary>Runs the main file. The first statement may be <c>algorithms</c> (already applied by the runner).</summary>
    public AlgorithmRun Run(ScenarioFile main)
    {
        _run.Files.Add(main);
        _includeStack.Add(main.Path);
        try
        {
            var statements = main.Statements;
            for (int i = 0; i < statements.Length; i++)
            {
                if (i == 0 && statements[i] is AlgorithmsStatement)
                {
                    continue;
                }

                Execute(statements[i], _globals);
            }
        }
        catch (ScriptRuntimeException e)
        {
            _run.Errors.Add(new Diagnostic(e.Span, DiagnosticSeverity.Error, e.Message));
            _run.Errors.AddRange(e.Related);
        }

        return _run;
    }

    // ImmutableArray, not IReadOnlyList: an interface parameter boxes the array (24 bytes per loop
    // iteration) and calls Count and the indexer through interface dispatch.
    private void ExecuteBlock(ImmutableArray<Statement> statements, Scope scope)
    {
        for (int i = 0; i < statements.Length; i++)
        {
            Execute(statements[i], scope);
        }
    }

    private void Execute(Statement statement, Scope scope)
    {
        if (statement.Qualifier != AlgorithmQualifier.None && statement.Qualifier != _qualifier)
        {
            return;
        }

        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new ScriptRuntimeException(statement.Span, "the script nests calls and blocks too deeply to run (lower max_call_depth)");
        }

        if (_options.MaxStatements > 0 && ++_statements > _options.MaxStatements)
        {
            throw new ScriptRuntimeException(statement.Span, $"statement budget exhausted: this run executed more than {_options.MaxStatements} statements");
        }

        int warningsBefore = _mmu.Warnings.Count;
        bool completed = false;
        try
        {
            Dispatch(statement, scope);
            completed = true;
        }
        catch (MmuException e)
        {
            throw new ScriptRuntimeException(EngineErrorSpan.Of(statement, e.Kind), e.Message);
        }
        finally
        {
            for (int w = warningsBefore; w < _mmu.Warnings.Count; w++)
            {
                _run.Warnings.Add(new FiredWarning(statement.Span, _mmu.Warnings[w]));
            }

            if (_watcher != null && statement is not (ForStatement or ProcStatement or IncludeStatement or CallStatement or LetStatement))
            {
                _watcher.OnStatement(statement, _run, completed);
            }
        }

        if (_recordSteps && statement is not (ForStatement or ProcStatement or IncludeStatement or CallStatement or LetStatement))
        {
            _run.Steps!.Add((statement, MmuSnapshot.Capture(_mmu)));
        }
    }

    private void Dispatch(Statement statement, Scope scope)
    {
        switch (statement)
        {
            case RootStatement s:
                CreatePage(s.Name, s.Level, s.Gfn, scope, isRoot: true);
                break;
            case PageStatement s:
                CreatePage(s.Name, s.Level, s.Gfn, scope, isRoot: false);
                break;
            case LinkStatement s:
                _mmu.Link(LivePage(s.Parent, scope), Index(s.Index, scope), LivePage(s.Child, scope));
                break;
            case MapStatement s:
                {
                    var page = LivePage(s.Page, scope);
                    int index = Index(s.Index, scope);
                    if (s.Large)
                    {
                        _mmu.MapLarge(page, index);
                    }
                    else
                    {
                        _mmu.MapLeaf(page, index);
                    }

                    break;
                }

            case UnlinkStatement s:
                _mmu.Unlink(LivePage(s.Page, scope), Index(s.Index, scope));
                break;
            case UnsyncStatement s:
                _mmu.Unsync(LivePage(s.Page, scope));
                break;
            case SyncStatement s:
                Sync(s, scope);
                break;
            case FailSyncStatement s:
                _mmu.FailNextSync(LivePage(s.Page, scope));
                break;
            case ZapStatement s:
                _mmu.Zap(LivePage(s.Page, scope));
                break;
            case ZapUnsyncChildrenStatement s:
                _mmu.ZapUnsyncChildren(LivePage(s.Page, scope));
                break;
            case SetStatement s:
                Set(s, scope);
                break;
            case AlgorithmsStatement s:
                throw new ScriptRuntimeException(s.Span, "'algorithms' may only be the first statement of the main file");
            case LetStatement s:
                scope.Assign(s.Name.Name, Evaluate(s.Value, scope));
                break;
            case ForStatement s:
                For(s, scope);
                break;
            case ProcStatement s:
                if (!_procs.TryAdd(s.Name.Name, s))
                {
                    var first = _procs[s.Name.Name];
                    throw new ScriptRuntimeException(s.Span, $"procedure '{s.Name.Name}' is already declared at {first.Span.Path}:{first.Span.Line}:{first.Span.Column}; a procedure is declared once");
                }

                break;
            case CallStatement s:
                Call(s, scope);
                break;
            case IncludeStatement s:
                Include(s, scope);
                break;
            case EchoStatement s:
                Print(s, Evaluate(s.Value, scope).ToString() + "\n");
                break;
            case ShowStatement s:
                Show(s, scope);
                break;
            case StatsStatement s:
                Print(s, StatsLine() + "\n");
                break;
            case TraceStatement s:
                Trace(s, scope);
                break;
            case ExpectStatement s:
                Expect(s, scope);
                break;
            case ExpectInvariantsStatement s:
                ExpectInvariants(s);
                break;
            default:
                throw new ScriptRuntimeException(statement.Span, $"this statement ({statement.GetType().Name}) cannot run here");
        }
    }

    private void Print(Statement statement, string text) => _run.Output.Add(new OutputChunk(statement, text));

    private void Sync(SyncStatement s, Scope scope)
    {
        var page = LivePage(s.Page, scope);
        int? after = null;
        if (s.InterruptAfter != null)
        {
            long n = EvaluateInt(s.InterruptAfter, scope, "interrupt-after");
            if (n < 1)
            {
                throw new ScriptRuntimeException(s.InterruptAfter.Span, $"interrupt-after must be at least 1 batch, not {n}");
            }

            after = (int)Math.Min(n, int.MaxValue);
        }

        _mmu.SyncChildren(page, after);
    }

    private void Set(SetStatement s, Scope scope)
    {
        long v = EvaluateInt(s.Value, scope, $"set {s.Name.Name}");
        switch (s.Name.Name)
        {
            case "pvec":
                if (v < 2 || v > 4096)
                {
                    throw new ScriptRuntimeException(s.Value.Span, $"pvec (the batch capacity, KVM_PAGE_ARRAY_NR) must be between 2 and 4096, not {v}");
                }

                _mmu.BatchCapacity = (int)v;
                break;
            case "max_pages":
                _maxPages = (int)Math.Clamp(v, 1, int.MaxValue);
                break;
            case "max_loop_iterations":
                _maxLoopIterations = Math.Max(1, v);
                break;
            case "max_call_depth":
                _maxCallDepth = (int)Math.Clamp(v, 1, 10_000);
                break;
            default:
                throw new ScriptRuntimeException(s.Span, $"unknown setting '{s.Name.Name}'; settings are pvec, max_pages, max_loop_iterations, max_call_depth");
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
                throw new ScriptRuntimeException(s.Span, $"statement budget exhausted: this run executed more than {_options.MaxStatements} statements and loop iterations");
            }

            if (++_iterations > _maxLoopIterations)
            {
                throw new ScriptRuntimeException(s.Span, $"loop limit reached: this run made more than {_maxLoopIterations} loop iterations (raise it with 'set max_loop_iterations N' or --max-loop-iterations)");
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
            throw new ScriptRuntimeException(s.Span, $"call depth limit reached: more than {_maxCallDepth} nested calls (is '{s.Name.Name}' recursive without end?)");
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
            throw new ScriptRuntimeException(s.Path.Span, $"include depth limit reached: more than {_options.MaxIncludeDepth} nested includes");
        }

        var parsed = _loader.Load(full, out var error);
        if (parsed == null)
        {
            throw new ScriptRuntimeException(s.Path.Span, $"cannot include '{relative}': {error} ({full})");
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
        return $"stat.unsync={st.Unsync} walks={st.Walks} visits={st.Visits} syncs={st.Syncs} zaps={st.Zaps} interrupted={st.Interrupted} warnings={st.Warnings}";
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
                    if (t.Length + line.Length > MaxTraceLength)
                    {
                        throw new ScriptRuntimeException(s.Span, $"trace output limit reached: more than {MaxTraceLength} characters");
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
