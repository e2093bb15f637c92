namespace MmuDsl.Explore;

/// <summary>How often a finding class was seen, its smallest instance, and (after shrinking) its repro.</summary>
public sealed class ClassCount
{
    /// <summary>Transitions that showed it (one per batch capacity it showed under).</summary>
    public long Count { get; internal set; }

    /// <summary>The smallest instance found.</summary>
    public Finding? Smallest { get; internal set; }

    /// <summary>The shrunk instance, when shrinking ran.</summary>
    public Finding? Shrunk { get; internal set; }

    /// <summary>The .mmu text that reproduces <see cref="Shrunk"/> (or <see cref="Smallest"/>).</summary>
    public string? Repro { get; internal set; }

    internal void Add(Finding finding, int weight = 1)
    {
        Count += weight;
        if (Smallest == null || finding.IsSmallerThan(Smallest))
        {
            Smallest = finding;
        }
    }

    internal void Merge(ClassCount other)
    {
        Count += other.Count;
        if (other.Smallest != null && (Smallest == null || other.Smallest.IsSmallerThan(Smallest)))
        {
            Smallest = other.Smallest;
        }
    }
}
