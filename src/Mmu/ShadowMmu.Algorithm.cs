using System.Diagnostics;
using System.Runtime.CompilerServices;
using MmuDsl.Mmu.Algorithms;
using MmuDsl.Mmu.Events;

namespace MmuDsl.Mmu;

/// <summary>
/// The engine's side of the algorithm API: the calls into the algorithm (each contained, so that
/// whatever its code throws becomes an <see cref="AlgorithmFailedException"/>), the budgets that
/// stop a walk or a plug-in that does not end, and the operations <see cref="Kvm"/> and
/// <see cref="KvmMmuPage"/> forward to.
/// </summary>
public sealed partial class ShadowMmu
{
    /// <summary>A walk may visit at most this many bitmap entries per page of the engine.</summary>
    public const long VisitsPerPage = 512;

    // A plug-in may run at most this many loop iterations per page (plus 16) in one call of it.
    private const long IterationsPerPage = 512 * 64;

    private readonly UnsyncWalkAlgorithm _algorithm;
    private readonly Kvm _kvm;

    // Built-ins are trusted; a plug-in's code was compiled with guards (PluginGuard) that check
    // the stack at each method entry and count loop iterations against a budget set per call.
    private readonly bool _guarded;
    private long _visitsLeft;
    private long _visitBudget;
    private bool _inWalk;

    /// <summary>The dense state of the page whose id is <paramref name="id"/>, for reading.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal ref readonly PageSyncState ReadState(int id)
    {
        return ref _syncStates[id];
    }

    /// <summary>The page whose id is <paramref name="id"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal ShadowPage PageOf(int id) => _pages[id];

    /// <summary>A handle onto <paramref name="page"/>, for the algorithm.</summary>
    internal KvmMmuPage Handle(ShadowPage page) => new(this, page, page.Id);

    /// <summary><see cref="Kvm.ClearUnsyncChildBit"/>: attributed to the walk while one runs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void ClearUnsyncChildBitFromAlgorithm(ShadowPage page, int index) =>
        ClearUnsyncChildBit(page, index, _inWalk ? BitClearer.Walk : BitClearer.ClearParents);

    /// <summary><see cref="Kvm.MarkUnsyncChildBit"/>: the count before, or -1 if the bit was set.</summary>
    internal int MarkUnsyncChildBit(ShadowPage page, int index)
    {
        if (page.UnsyncChildBitmapBits.TestAndSet(index))
        {
            return -1;
        }

        Changed(page.Id);

        int before = _syncStates[page.Id].UnsyncChildren++;
        if (Observer != null)
        {
            Emit(new UnsyncBitMarked(page, index, before + 1));
        }

        return before;
    }

    /// <summary><see cref="Kvm.KvmMmuPrepareZapPage"/>.</summary>
    internal void ZapFromAlgorithm(ShadowPage page)
    {
        RequireLive(page, "kvm_mmu_prepare_zap_page");
        PrepareZap(page);
    }

    /// <summary><see cref="Kvm.Warn"/>.</summary>
    internal void WarnFromAlgorithm(MmuWarningKind kind, string message)
    {
        Warn(kind, message);
    }

    /// <summary>
    /// Calls the algorithm at <paramref name="call"/> (with the page, index and batch it takes)
    /// and returns the walk's result (0 for the other calls). Anything its code throws comes out
    /// as an <see cref="AlgorithmFailedException"/>.
    /// </summary>
    private int CallAlgorithm(AlgorithmCall call, ShadowPage? page, int index, KvmMmuPages? batch)
    {
        long budgetBefore = _guarded ? PluginGuard.Begin(IterationsPerPage * (_pages.Count + 16L)) : 0;
        int depthBefore = _guarded ? PluginGuard.Depth : 0;
        try
        {
            switch (call)
            {
                case AlgorithmCall.Walk:
                    return _algorithm.MmuUnsyncWalk(_kvm, Handle(page!), batch!);
                case AlgorithmCall.SyncBatch:
                    _algorithm.MmuSyncChildrenBatch(_kvm, batch!);
                    return 0;
                case AlgorithmCall.ZapBatch:
                    _algorithm.MmuZapUnsyncChildrenBatch(_kvm, batch!);
                    return 0;
                case AlgorithmCall.MarkUnsync:
                    _algorithm.MarkUnsync(_kvm, new Sptep(Handle(page!), index));
                    return 0;
                default:
                    _algorithm.KvmMmuMarkParentsUnsync(_kvm, Handle(page!));
                    return 0;
            }
        }
        catch (Exception e) when (e is not AlgorithmFailedException && !ReferenceEquals(e, _observerFailure))
        {
            throw Failure(e);
        }
        finally
        {
            if (_guarded)
            {
                PluginGuard.End(budgetBefore);
                PluginGuard.Depth = depthBefore;
            }
        }
    }

    /// <summary>What the algorithm threw, with the place in the algorithm's own code where it happened.</summary>
    private AlgorithmFailedException Failure(Exception e)
    {
        string what = e switch
        {
            AlgorithmBudgetException => $"stopped: {e.Message}",
            PluginLoopException => $"stopped: it ran more than {IterationsPerPage} loop iterations per page of the engine in one call of it: a loop that does not end",
            InsufficientExecutionStackException => $"stopped: {e.Message}",
            _ => $"{e.GetType().Name}: {e.Message}",
        };
        // A recursion is stopped on entering a method: name the call that recursed, one frame out.
        var frame = AlgorithmFrame(e, skip: e is InsufficientExecutionStackException ? 1 : 0);
        // A plug-in's lines are the user's, but its columns may be shifted by the inserted guards.
        return new AlgorithmFailedException(
            _algorithm.Name,
            what,
            frame?.GetFileName(),
            frame?.GetFileLineNumber() ?? 0,
            _guarded ? 0 : frame?.GetFileColumnNumber() ?? 0,
            e);
    }

    /// <summary>
    /// The innermost frame of <paramref name="e"/> in the algorithm's own code that has a file (in
    /// the plug-in's assembly, or for a built-in, in a method of an algorithm class), after
    /// <paramref name="skip"/> such frames.
    /// </summary>
    private StackFrame? AlgorithmFrame(Exception e, int skip)
    {
        var own = _algorithm.GetType().Assembly;
        bool builtin = own == typeof(ShadowMmu).Assembly;
        foreach (var frame in new StackTrace(e, fNeedFileInfo: true).GetFrames())
        {
            var type = frame.GetMethod()?.DeclaringType;
            if (type == null || frame.GetFileName() == null)
            {
                continue;
            }

            if ((builtin ? typeof(UnsyncWalkAlgorithm).IsAssignableFrom(type) : type.Assembly == own) && skip-- == 0)
            {
                return frame;
            }
        }

        return null;
    }
}
