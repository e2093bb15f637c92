using MmuDsl.Dsl.Syntax;

namespace MmuDsl.Dsl.Runtime;

/// <summary>
/// Sees the engine after every statement a run executes (<see cref="RunOptions.StepObserver"/>):
/// the language server records there what its hover shows. Called on the run's thread, once per
/// execution (a statement in a loop, once per iteration), only when the statement completed.
/// Costs nothing when no observer is set.
/// </summary>
public interface IStepObserver
{
    /// <summary>Called after <paramref name="statement"/> ran; <paramref name="step"/> is valid only during the call.</summary>
    void AfterStatement(Statement statement, StepView step);
}
