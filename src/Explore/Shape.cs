using System.Collections.Immutable;
using System.Text;
using MmuDsl.Mmu;

namespace MmuDsl.Explore;

/// <summary>
/// A page-table shape: roots first, then the other pages, each with a level, and the links
/// between them. Names are derived: roots R1, R2..., other pages by level (C for 3, B for 2, L for 1).
/// </summary>
public sealed class Shape
{
    private readonly string[] _names;

    public Shape(int roots, ImmutableArray<int> levels, ImmutableArray<ShapeLink> links)
        : this(roots, levels, links, NamesFor(roots, levels))
    {
    }

    /// <summary>A shape whose page names were made by <see cref="NamesFor"/> (shared by the shapes of one level combination).</summary>
    internal Shape(int roots, ImmutableArray<int> levels, ImmutableArray<ShapeLink> links, string[] names)
    {
        Roots = roots;
        Levels = levels;
        Links = links.Sort();
        _names = names;
    }

    /// <summary>How many of the pages are roots (the first ones).</summary>
    public int Roots { get; }

    /// <summary>Each page's level.</summary>
    public ImmutableArray<int> Levels { get; }

    /// <summary>The links, sorted.</summary>
    public ImmutableArray<ShapeLink> Links { get; }

    /// <summary>Number of pages.</summary>
    public int PageCount => Levels.Length;

    /// <summary>The highest root level.</summary>
    public int HighestRootLevel => Enumerable.Range(0, Roots).Max(i => Levels[i]);

    /// <summary>The page names of a shape: roots R1, R2..., other pages by level (C for 3, B for 2, L for 1).</summary>
    internal static string[] NamesFor(int roots, ImmutableArray<int> levels)
    {
        var names = new string[levels.Length];
        var counters = new Dictionary<int, int>();
        for (int i = 0; i < levels.Length; i++)
        {
            if (i < roots)
            {
                names[i] = $"R{i + 1}";
                continue;
            }

            int n = counters.GetValueOrDefault(levels[i]) + 1;
            counters[levels[i]] = n;
            string prefix = levels[i] switch { 1 => "L", 2 => "B", 3 => "C", 4 => "D", _ => "E" };
            names[i] = $"{prefix}{n}";
        }

        return names;
    }

    /// <summary>Page <paramref name="i"/>'s name.</summary>
    public string Name(int i) => _names[i];

    /// <summary>Builds the shape in a fresh engine; returns its pages in shape order.</summary>
    public ShadowPage[] Build(ShadowMmu mmu)
    {
        var pages = new ShadowPage[PageCount];
        for (int i = 0; i < PageCount; i++)
        {
            pages[i] = i < Roots ? mmu.CreateRoot(_names[i], Levels[i]) : mmu.CreatePage(_names[i], Levels[i]);
        }

        foreach (var link in Links)
        {
            mmu.Link(pages[link.Parent], link.Slot, pages[link.Child]);
        }

        return pages;
    }

    /// <summary>The statements that build the shape.</summary>
    public IEnumerable<string> Statements()
    {
        for (int i = 0; i < PageCount; i++)
        {
            yield return $"{(i < Roots ? "root" : "page")} {_names[i]} level {Levels[i]}";
        }

        foreach (var link in Links)
        {
            yield return $"link {_names[link.Parent]}[{link.Slot}] -> {_names[link.Child]}";
        }
    }

    /// <summary>A shape without page <paramref name="drop"/> (its links gone); null if that leaves a page with no parent or no root.</summary>
    public Shape? WithoutPage(int drop)
    {
        if (drop < Roots && Roots == 1)
        {
            return null;
        }

        var levels = Levels.RemoveAt(drop);
        var links = Links.Where(l => l.Parent != drop && l.Child != drop)
            .Select(l => new ShapeLink(l.Parent > drop ? l.Parent - 1 : l.Parent, l.Slot, l.Child > drop ? l.Child - 1 : l.Child))
            .ToImmutableArray();
        return new Shape(drop < Roots ? Roots - 1 : Roots, levels, links);
    }

    /// <summary>A shape without link number <paramref name="index"/>.</summary>
    public Shape WithoutLink(int index) => new(Roots, Levels, Links.RemoveAt(index));

    /// <summary>A shape with one link moved to another slot of the same parent.</summary>
    public Shape WithLinkSlot(int index, int slot) => new(Roots, Levels, Links.SetItem(index, Links[index] with { Slot = slot }));

    /// <inheritdoc/>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(string.Join(" ", Enumerable.Range(0, PageCount).Select(i => $"{_names[i]}:L{Levels[i]}")));
        sb.Append(" | ").Append(string.Join(" ", Links.Select(l => $"{_names[l.Parent]}[{l.Slot}]->{_names[l.Child]}")));
        return sb.ToString();
    }
}
