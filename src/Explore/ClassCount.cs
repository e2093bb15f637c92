namespace MmuDsl.Explore;

/// <summary>
/// How often a finding class was seen, its smallest instance, and (after shrinking) its repro. A
/// report merged from shards has no <see cref="Finding"/> objects, only what they printed:
/// <see cref="Key"/>, <see cref="Seen"/>, <see cref="Repro"/> and <see cref="Statements"/>.
/// </summary>
public sealed class ClassCount
{
    /// <summary>Transitions that showed it (one per batch capacity it showed under).</summary>
    public long Count { get; internal set; }

    /// <summary>The smallest instance found (in a run; null in a merged report).</summary>
    public Finding? Smallest { get; internal set; }

    /// <summary>The shrunk instance, when shrinking ran (in a run; null in a merged report).</summary>
    public Finding? Shrunk { get; internal set; }

    /// <summary>Which instance was kept (null when none was).</summary>
    public FindingKey? Key { get; internal set; }

    /// <summary>What the kept instance showed, shrunk when shrinking ran.</summary>
    public string? Seen { get; internal set; }

    /// <summary>The .mmu text that reproduces <see cref="Shrunk"/> (or <see cref="Smallest"/>).</summary>
    public string? Repro { get; internal set; }

    /// <summary>The statements of <see cref="Repro"/> (<see cref="Finding.StatementCount"/>).</summary>
    public int Statements { get; internal set; }

    internal void Add(Finding finding, int weight = 1)
    {
        Count += weight;
        if (Smallest == null || finding.IsSmallerThan(Smallest))
        {
            Smallest = finding;
            Key = finding.Key;
        }
    }

    internal void Merge(ClassCount other)
    {
        Count += other.Count;
        if (other.Key is { } key && (Key is not { } mine || key.IsSmallerThan(mine)))
        {
            Smallest = other.Smallest;
            Shrunk = other.Shrunk;
            Key = key;
            Seen = other.Seen;
            Repro = other.Repro;
            Statements = other.Statements;
        }
    }

    /// <summary>Sets the repro of <paramref name="kept"/> (the smallest instance, or its shrunk form).</summary>
    internal void SetRepro(Finding kept, string repro)
    {
        Seen = kept.Description;
        Repro = repro;
        Statements = kept.StatementCount;
    }
}
