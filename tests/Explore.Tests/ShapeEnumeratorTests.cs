using System.Collections.Immutable;
using MmuDsl.Explore;

namespace MmuDsl.Explore.Tests;

/// <summary>
/// The shape enumerator against a brute-force oracle: every link set of every level combination,
/// each keyed by the smallest text of its links over all renamings of same-kind, same-level pages.
/// </summary>
public sealed class ShapeEnumeratorTests
{
    [Theory]
    [InlineData(2, 2, 3, new[] { 0, 1 })]
    [InlineData(2, 3, 4, new[] { 0, 2 })]
    [InlineData(1, 3, 4, new[] { 0, 1, 2 })]
    [InlineData(3, 1, 3, new[] { 5 })]
    public void Enumerate_IsEveryIsomorphismClassOnce(int roots, int pages, int maxLevel, int[] slots)
    {
        var options = ExploreOptions.Default with { MaxRoots = roots, MaxPages = pages, MaxLevel = maxLevel, Slots = slots };
        var shapes = ShapeEnumerator.Enumerate(options);

        var oracle = Oracle(options);
        var keys = shapes.Select(s => Key(s.Roots, s.Levels, s.Links)).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Equal(oracle.OrderBy(k => k, StringComparer.Ordinal), keys.OrderBy(k => k, StringComparer.Ordinal));
        foreach (var shape in shapes)
        {
            Assert.All(shape.Links, l => Assert.Equal(shape.Levels[l.Parent] - 1, shape.Levels[l.Child]));
            Assert.All(shape.Links, l => Assert.Contains(l.Slot, slots));
            Assert.All(Enumerable.Range(shape.Roots, shape.PageCount - shape.Roots), c => Assert.Contains(shape.Links, l => l.Child == c));
        }
    }

    [Fact]
    public void Enumerate_IsTheSameListEveryTime_WhateverTheParallelism()
    {
        var options = ExploreOptions.Default with { MaxPages = 3, MaxLevel = 3 };
        var one = ShapeEnumerator.Enumerate(options with { Parallelism = 1 }).Select(s => s.ToString()).ToList();
        var two = ShapeEnumerator.Enumerate(options with { Parallelism = 2 }).Select(s => s.ToString()).ToList();
        Assert.Equal(one, two);
    }

    [Fact]
    public void Enumerate_TooManyShapes_StopsWithExploreLimitException()
    {
        var e = Assert.Throws<ExploreLimitException>(() => ShapeEnumerator.Enumerate(ExploreOptions.Default with { MaxPages = 2, MaxShapes = 1_000 }));
        Assert.Contains("more than 1,000 canonical shapes", e.Message, StringComparison.Ordinal);
        Assert.Equal(2_328, ShapeEnumerator.Enumerate(ExploreOptions.Default with { MaxPages = 2, MaxShapes = 2_328 }).Count);
    }

    [Fact]
    public void Enumerate_TooManyLinkAssignments_IsRefusedBeforeAnyWork()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var e = Assert.Throws<ExploreLimitException>(() => ShapeEnumerator.Enumerate(ExploreOptions.Default with { MaxPages = 8, MaxRoots = 4 }));
        Assert.Contains("link assignments to try", e.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Theory]
    [InlineData(1, 177)]
    [InlineData(2, 2_328)]
    [InlineData(3, 43_080)]
    public void Enumerate_DefaultBounds_CountsQuotedInTheReadme(int pages, int count) =>
        Assert.Equal(count, ShapeEnumerator.Enumerate(ExploreOptions.Default with { MaxPages = pages }).Count);

    // Every (roots, levels) combination with non-increasing root and page levels, every set of
    // links (each parent slot empty or linking any page one level down), every page parented.
    private static HashSet<string> Oracle(ExploreOptions o)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (int roots = 1; roots <= o.MaxRoots; roots++)
        {
            foreach (var rootLevels in Multisets(roots, 2, o.MaxLevel))
            {
                for (int pages = 0; pages <= o.MaxPages; pages++)
                {
                    foreach (var pageLevels in Multisets(pages, 1, o.MaxLevel - 1))
                    {
                        var levels = rootLevels.Concat(pageLevels).ToImmutableArray();
                        var positions = (from p in Enumerable.Range(0, levels.Length)
                                         from s in o.Slots
                                         select (p, s)).ToList();
                        foreach (var links in LinkSets(levels, roots, positions, 0))
                        {
                            if (Enumerable.Range(roots, levels.Length - roots).All(c => links.Any(l => l.Child == c)))
                            {
                                keys.Add(Key(roots, levels, links));
                            }
                        }
                    }
                }
            }
        }

        return keys;
    }

    private static IEnumerable<int[]> Multisets(int count, int min, int max) =>
        count == 0 ? [[]] : from first in Enumerable.Range(min, max - min + 1).Reverse()
                            from rest in Multisets(count - 1, min, first)
                            select (int[])[first, .. rest];

    private static IEnumerable<ImmutableArray<ShapeLink>> LinkSets(ImmutableArray<int> levels, int roots, List<(int Page, int Slot)> positions, int at)
    {
        if (at == positions.Count)
        {
            yield return [];
            yield break;
        }

        var (page, slot) = positions[at];
        foreach (var rest in LinkSets(levels, roots, positions, at + 1))
        {
            yield return rest;
            for (int c = roots; c < levels.Length; c++)
            {
                if (levels[c] == levels[page] - 1)
                {
                    yield return rest.Add(new ShapeLink(page, slot, c));
                }
            }
        }
    }

    // The smallest text of the sorted links over every renaming of same-kind, same-level pages.
    private static string Key(int roots, ImmutableArray<int> levels, IEnumerable<ShapeLink> links)
    {
        string best = "\uffff";
        foreach (var map in Permutations(levels.Length).Where(m => m.Select((to, from) => (to < roots) == (from < roots) && levels[to] == levels[from]).All(x => x)))
        {
            string text = $"{roots}:{string.Join(",", levels)}|" + string.Join(";", links.Select(l => (map[l.Parent], l.Slot, map[l.Child])).Order());
            if (string.CompareOrdinal(text, best) < 0)
            {
                best = text;
            }
        }

        return best;
    }

    private static IEnumerable<int[]> Permutations(int n) =>
        n == 0 ? [[]] : from rest in Permutations(n - 1)
                        from at in Enumerable.Range(0, n)
                        select (int[])[.. rest[..at], n - 1, .. rest[at..]];
}
