using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace MmuDsl.Mmu.Algorithms;

/// <summary>
/// What keeps a plug-in from hanging or crashing the tool. The plug-in compiler wraps the body of
/// every method, constructor, accessor and local function of a plug-in file in
/// <see cref="Enter"/> ... <c>finally</c> <see cref="Exit"/>, and puts <see cref="Iterate"/> first
/// in every loop body (and before every <c>goto</c>), without changing its lines.
/// <see cref="Enter"/> counts the depth of calls, so a recursion that does not end stops with an
/// exception at <see cref="MaxDepth"/> instead of overflowing the stack; <see cref="Iterate"/>
/// counts against a budget the engine sets for each call into the plug-in, so a loop that does not
/// end stops too.
/// The engine reports either as the algorithm's failure, at the plug-in's line. Not for use in
/// code of one's own: built-in algorithms are not guarded.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class PluginGuard
{
    /// <summary>How deep a plug-in's own calls may nest (a walk needs one per level: at most 5).</summary>
    public const int MaxDepth = 1000;

    // Iterations left in the current call of a plug-in on this thread (engines run one per thread).
    [ThreadStatic]
    private static long _left;

    // How deep the plug-in's methods are nested on this thread.
    [ThreadStatic]
    private static int _depth;

    /// <summary>A method of a plug-in starts.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw new InsufficientExecutionStackException($"the plug-in's calls nest more than {MaxDepth} deep: a recursion that does not end");
        }
    }

    /// <summary>A method of a plug-in returns (or throws).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Exit() => _depth--;

    /// <summary>A loop of a plug-in goes round once more.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Iterate()
    {
        if (--_left < 0)
        {
            throw new PluginLoopException();
        }
    }

    /// <summary>The engine calls the plug-in: sets the budget; returns the one to restore after.</summary>
    internal static long Begin(long budget)
    {
        long before = _left;
        _left = budget;
        return before;
    }

    /// <summary>The call returned: restores the budget of an enclosing call.</summary>
    internal static void End(long before) => _left = before;

    /// <summary>The depth of calls on this thread, for the engine to restore after a failure.</summary>
    internal static int Depth
    {
        get => _depth;
        set => _depth = value;
    }
}
