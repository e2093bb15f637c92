using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text;
using MmuDsl.Dsl.Syntax;
using MmuDsl.Mmu;
using MmuDsl.Mmu.Algorithms;
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
    private readonly IRunWatcher? _watcher;
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
        bool completed = false;
        var outer = _current;
        _current = statement;
        try
        {
            Dispatch(statement, scope);
            completed = true;
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

            if (_watcher != null && statement is not (ForStatement or ProcStatement or IncludeStatement or CallStatement or LetStatement))
            {
                _watcher.OnStatement(statement, _run, completed);
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
}
