using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text;
using MmuDsl.Dsl.Output;
using MmuDsl.Dsl.Syntax;
using MmuDsl.Mmu;
using MmuDsl.Mmu.Algorithms;
using MmuDsl.Mmu.Events;
using MmuDsl.Mmu.Invariants;
using MmuDsl.Plugins;

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
    private readonly string _algorithmName;
    private readonly AlgorithmRegistry _registry;
    private readonly Scope _globals = new(null);
    private readonly Dictionary<string, ProcStatement> _procs = new(StringComparer.Ordinal);
    private readonly List<string> _includeStack = [];
    private const int MaxStringLength = 1024 * 1024;
    private readonly List<StringBuilder> _traces = [];
    private readonly StringBuilder _nameBuilder = new();
    private readonly bool _recordSteps;
    private readonly Action<OutputChunk>? _live;
    private long _maxLoopIterations;
    private long _maxOutput;
    private long _outputChars;
    private Statement? _current;
    private int _maxPages;
    private int _maxCallDepth;
    private long _iterations;
    private long _statements;
    private int _callDepth;
    private ReadRecorder? _reads;
    private readonly CancellationToken _cancellation;
    private readonly IStepObserver? _stepObserver;
    private StepView? _stepView;
    private Scope? _stepScope;

    /// <param name="live">Hears each output chunk as it is printed (the runner writes output as it is produced).</param>
    public Interpreter(UnsyncWalkAlgorithm algorithm, SourceLoader loader, RunOptions options, bool recordSteps, AlgorithmRegistry registry, Action<OutputChunk>? live = null)
    {
        _registry = registry;
        _live = live;
        _loader = loader;
        _options = options;
        _mmu = new ShadowMmu(algorithm);
        _run = new AlgorithmRun(algorithm.Name, _mmu);
        _algorithmName = algorithm.Name;
        _recordSteps = recordSteps;
        if (recordSteps)
        {
            _run.Steps = [];
        }

        _cancellation = options.Cancellation;
        _stepObserver = options.StepObserver;
        _maxLoopIterations = options.MaxLoopIterations;
        _maxPages = options.MaxPages;
        _maxCallDepth = options.MaxCallDepth;
        _maxOutput = options.MaxOutputChars;
        if (options.TraceAll)
        {
            _mmu.Observer = e => Emit(_current, null, "  | " + e.Describe() + "\n");
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
            _run.Errors.Add(new Diagnostic(e.Span, DiagnosticSeverity.Error, e.Message) { Kind = e.Kind });
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
        if (statement.Qualifier is { } qualifier && !string.Equals(qualifier.Name, _algorithmName, StringComparison.Ordinal))
        {
            return;
        }

        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new ScriptRuntimeException(statement.Span, ErrorKind.CallDepthLimit, "the script nests calls and blocks too deeply to run (lower max_call_depth)");
        }

        if (_options.MaxStatements > 0 && ++_statements > _options.MaxStatements)
        {
            throw new ScriptRuntimeException(statement.Span, ErrorKind.StatementBudget, $"statement budget exhausted: this run executed more than {_options.MaxStatements} statements");
        }

        ThrowIfCancelled(statement.Span);

        int warningsBefore = _mmu.Warnings.Count;
        var outer = _current;
        _current = statement;
        try
        {
            Dispatch(statement, scope);
        }
        catch (MmuException e)
        {
            throw new ScriptRuntimeException(EngineErrorSpan.Of(statement, e.Kind), e.Kind == MmuErrorKind.AlgorithmFailed ? ErrorKind.AlgorithmFailed : ErrorKind.Runtime, e.Message);
        }
        finally
        {
            _current = outer;
            for (int w = warningsBefore; w < _mmu.Warnings.Count; w++)
            {
                _run.Warnings.Add(new FiredWarning(statement.Span, _mmu.Warnings[w]));
            }
        }

        if (_recordSteps && statement is not (ForStatement or ProcStatement or IncludeStatement or CallStatement or LetStatement))
        {
            _run.Steps!.Add((statement, MmuSnapshot.Capture(_mmu)));
        }

        if (_stepObserver != null)
        {
            ObserveStep(statement, scope);
        }
    }

    private void ThrowIfCancelled(SourceSpan span)
    {
        if (_cancellation.IsCancellationRequested)
        {
            _run.Cancelled = true;
            throw new ScriptRuntimeException(span, ErrorKind.Cancelled, "the run was stopped here before it finished (cancelled)");
        }
    }

    private void ObserveStep(Statement statement, Scope scope)
    {
        _stepView ??= new StepView(_run.Algorithm, _mmu, StepPageName);
        var outer = _stepScope;
        _stepScope = scope;
        try
        {
            _stepObserver!.AfterStatement(statement, _stepView);
        }
        finally
        {
            _stepScope = outer;
        }
    }

    private string? StepPageName(PageName name)
    {
        try
        {
            return _stepScope == null ? null : PageNameText(name, _stepScope);
        }
        catch (ScriptRuntimeException)
        {
            return null;
        }
    }

    private void Dispatch(Statement statement, Scope scope)
    {
        switch (statement)
        {
            case RootStatement s:
                CreatePage(s.Name, s.Level, s.Gfn, s.Role, scope, isRoot: true);
                break;
            case PageStatement s:
                CreatePage(s.Name, s.Level, s.Gfn, s.Role, scope, isRoot: false);
                break;
            case LinkStatement s:
                Link(s, scope);
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

    private void Sync(SyncStatement s, Scope scope)
    {
        var page = LivePage(s.Page, scope);
        if (s.YieldAfter is { } yieldAfter)
        {
            int batches = Batches(yieldAfter, scope, "yield-after");

            // The block runs at the yield point, in a scope of its own, as a `for` body does.
            _mmu.SyncChildrenYielding(page, batches, () => ExecuteBlock(s.AtYield!.Statements, new Scope(scope)));
            return;
        }

        _mmu.SyncChildren(page, s.InterruptAfter == null ? null : Batches(s.InterruptAfter, scope, "interrupt-after"));
    }

    /// <summary><c>link</c>, and <c>link ... via fetch</c> through the page-fault path.</summary>
    private void Link(LinkStatement s, Scope scope)
    {
        var parent = LivePage(s.Parent, scope);
        int index = Index(s.Index, scope);
        var child = LivePage(s.Child, scope);
        if (s.ViaFetch)
        {
            _mmu.Fetch(parent, index, child, s.InterruptAfter == null ? null : Batches(s.InterruptAfter, scope, "interrupt-after"));
            return;
        }

        long before = _mmu.Stats.LinkUnsyncChildren;
        _mmu.Link(parent, index, child);
        if (_mmu.Stats.LinkUnsyncChildren != before)
        {
            _run.Notes.Add(new Diagnostic(s.Span, DiagnosticSeverity.Note, $"link-unsync-children: '{child.Name}' still has unsync_children={child.UnsyncChildren} when linked; the kernel WARNs on this since 6.3, as its page-fault path syncs such a page first ('link ... via fetch'). Counted in stat.link_unsync_children, not in stat.warnings"));
        }
    }

    private int Batches(Expr e, Scope scope, string what)
    {
        long n = EvaluateInt(e, scope, what);
        if (n < 1)
        {
            throw new ScriptRuntimeException(e.Span, $"{what} must be at least 1 batch, not {n}");
        }

        return (int)Math.Min(n, int.MaxValue);
    }

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
