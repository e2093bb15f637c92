using MmuDsl.Dsl.Syntax;
using MmuDsl.Mmu.Events;

namespace MmuDsl.Dsl.Runtime;

/// <summary>
/// Watches one run (one algorithm) as it goes: every engine event, and every statement as it
/// ends. The HTML report records its steps through it (see <see cref="RunOptions.Watcher"/>).
/// Called on the run's thread; a watcher must not change the engine.
/// </summary>
public interface IRunWatcher
{
    /// <summary>An engine event, as the engine emits it (walks, batches, bits, syncs, zaps, warnings).</summary>
    void OnEvent(MmuEvent e);

    /// <summary>
    /// A statement ended: <paramref name="completed"/> is false when it stopped the run with an
    /// error. Not called for <c>for</c>, <c>proc</c>, <c>include</c>, <c>call</c> and <c>let</c>,
    /// whose inner statements are reported one by one; a <c>trace</c> is reported after its inner
    /// statement. <paramref name="run"/> is the run so far (its engine, output and failures).
    /// </summary>
    void OnStatement(Statement statement, AlgorithmRun run, bool completed);
}
