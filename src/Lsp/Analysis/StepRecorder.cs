using System.Runtime.InteropServices;
using MmuDsl.Dsl.Runtime;
using MmuDsl.Dsl.Syntax;

namespace MmuDsl.Lsp.Analysis;

/// <summary>
/// Records, per algorithm, what hover shows: at each page name and counter of the document's
/// statements, the state the last time the statement ran (<see cref="Probe"/>), and which
/// statement made each page. Written on the run's thread, read once the run is over.
/// Recording allocates only for names built at run time (<c>L$i</c>), so a loop of a million
/// iterations stays cheap.
/// </summary>
internal sealed class StepRecorder : IStepObserver
{
    private readonly IReadOnlyDictionary<Statement, object[]> _probes;
    private readonly Dictionary<string, Dictionary<object, Probe>> _byAlgorithm = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, Statement>> _madeBy = new(StringComparer.Ordinal);

    public StepRecorder(IReadOnlyDictionary<Statement, object[]> probes)
    {
        _probes = probes;
    }

    public void AfterStatement(Statement statement, StepView step)
    {
        if (statement is RootStatement or PageStatement)
        {
            var name = statement is RootStatement r ? r.Name : ((PageStatement)statement).Name;
            if (step.PageNameOf(name) is { } built)
            {
                MadeBy(step.Algorithm).TryAdd(built, statement);
            }
        }

        if (!_probes.TryGetValue(statement, out var nodes))
        {
            return;
        }

        var table = Table(step.Algorithm);
        foreach (var node in nodes)
        {
            ref Probe probe = ref CollectionsMarshal.GetValueRefOrAddDefault(table, node, out _);
            probe.Executions++;
            if (node is PageName name)
            {
                probe.Name = step.PageNameOf(name);
                var page = probe.Name == null ? null : step.Engine.FindPage(probe.Name);
                probe.Found = page != null;
                probe.Page = page == null ? default : PageFacts.Of(page);
            }
            else
            {
                probe.Stats = step.Engine.Stats.Snapshot();
            }
        }
    }

    /// <summary>What <paramref name="algorithm"/>'s run recorded at <paramref name="node"/> (a page name or counter), if that statement ran.</summary>
    public Probe? At(string algorithm, object node) =>
        _byAlgorithm.TryGetValue(algorithm, out var table) && table.TryGetValue(node, out var probe) ? probe : null;

    /// <summary>The statement that made the page <paramref name="name"/> under <paramref name="algorithm"/>, if one did.</summary>
    public Statement? MadeBy(string algorithm, string name) =>
        _madeBy.TryGetValue(algorithm, out var table) ? table.GetValueOrDefault(name) : null;

    /// <summary>Every page name made under <paramref name="algorithm"/>.</summary>
    public IEnumerable<string> PagesMade(string algorithm) =>
        _madeBy.TryGetValue(algorithm, out var table) ? table.Keys : [];

    private Dictionary<object, Probe> Table(string algorithm)
    {
        if (!_byAlgorithm.TryGetValue(algorithm, out var table))
        {
            table = new Dictionary<object, Probe>(ReferenceEqualityComparer.Instance);
            _byAlgorithm[algorithm] = table;
        }

        return table;
    }

    private Dictionary<string, Statement> MadeBy(string algorithm)
    {
        if (!_madeBy.TryGetValue(algorithm, out var table))
        {
            table = new Dictionary<string, Statement>(StringComparer.Ordinal);
            _madeBy[algorithm] = table;
        }

        return table;
    }
}
