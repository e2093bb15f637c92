using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace MmuDsl.Mmu.Algorithms;

/// <summary>
/// What keeps a plug-in from hanging or crashing the tool. The plug-in compiler inserts a call to
/// <see cref="Enter"/> at the start of every method, accessor, local function and lambda of a
/// plug-in file, and a call to <see cref="Iterate"/> at the start of every loop body, without
/// changing its lines. <see cref="Enter"/> checks the stack, so a recursion that does not end
/// stops with an exception instead of a stack overflow; <see cref="Iterate"/> counts against a
/// budget the engine sets for each call into the plug-in, so a loop that does not end stops too.
/// The engine reports either as the algorithm's failure, at the plug-in's line. Not for use in
/// code of one's own: built-in algorithms are not guarded.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class PluginGuard
{
    // Iterations left in the current call of a plug-in on this thread (engines run one per thread).
    [ThreadStatic]
    private static long _left;

    /// <summary>A method of a plug-in starts: the stack must have room.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Enter() => RuntimeHelpers.EnsureSufficientExecutionStack();

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
}
