using MmuDsl.Mmu;

namespace MmuDsl.Dsl.Runtime;

/// <summary>
/// What an <c>expect</c> read while it was evaluated (fields, counters, variables, pages), so a
/// failure can show them without a re-run.
/// </summary>
internal sealed class ReadRecorder
{
    private readonly HashSet<string> _labels = new(StringComparer.Ordinal);
    private readonly HashSet<ShadowPage> _pageSet = new(ReferenceEqualityComparer.Instance);

    public List<(string Label, Value Value)> Values { get; } = [];

    public List<ShadowPage> Pages { get; } = [];

    public void Read(string label, Value value)
    {
        if (_labels.Add(label))
        {
            Values.Add((label, value));
        }
    }

    public void ReadPage(ShadowPage page)
    {
        if (_pageSet.Add(page))
        {
            Pages.Add(page);
        }
    }
}
