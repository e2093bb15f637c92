using MmuDsl.Dsl.Syntax;
using MmuDsl.Mmu;

namespace MmuDsl.Dsl.Runtime;

/// <summary>
/// What an <see cref="IStepObserver"/> may look at after a statement: the algorithm, its engine,
/// and the page names the statement's variables built. Valid only during the observer's call.
/// </summary>
public sealed class StepView
{
    private readonly Func<PageName, string?> _nameOf;

    internal StepView(string algorithm, ShadowMmu engine, Func<PageName, string?> nameOf)
    {
        Algorithm = algorithm;
        Engine = engine;
        _nameOf = nameOf;
    }

    /// <summary>The algorithm of the run.</summary>
    public string Algorithm { get; }

    /// <summary>The run's engine, as the statement left it. Read it; never change it.</summary>
    public ShadowMmu Engine { get; }

    /// <summary>The name <paramref name="name"/> stands for in the statement's scope now (<c>L$i</c> with i = 3: <c>L3</c>); null when it cannot be built.</summary>
    public string? PageNameOf(PageName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.LiteralText ?? _nameOf(name);
    }
}
