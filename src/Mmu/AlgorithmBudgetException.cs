namespace MmuDsl.Mmu;

/// <summary>
/// Thrown inside an algorithm's call when it exceeds a budget (visits in one walk, engine calls
/// of a plug-in); the engine turns it into an <see cref="AlgorithmFailedException"/>.
/// </summary>
internal sealed class AlgorithmBudgetException(string message) : Exception(message);
