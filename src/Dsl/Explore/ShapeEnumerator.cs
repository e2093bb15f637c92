using System.Collections.Immutable;
using System.Text;

namespace MmuDsl.Dsl.Explore;

/// <summary>
/// Every page-table shape within the bounds, each isomorphism class once. A shape has 1..MaxRoots
/// roots (levels 2..MaxLevel) and 0..MaxPages other pages (levels 1..MaxLevel-1); every spte slot
/// of a page above level 1 is empty or links a non-root page one level down (so a page may have
/// several parents, in one root or in two: shared children); every non-root page has a parent.
/// Two shapes that differ only by renaming pages of the same kind and level are one shape: the
/// canonical key is the smallest encoding over those renamings.
/// </summary>
public static class ShapeEnumerator
{
    /// <summary>The canonical shapes, in a stable order.</summary>
    public static List<Shape> Enumerate(ExploreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var shapes = new List<Shape>();
        for (int roots = 1; roots <= options.MaxRoots; roots++)
        {
            foreach (var rootLevels in NonIncreasing(roots, options.MaxLevel, 2))
            {
                for (int pages = 0; pages <= options.MaxPages; pages++)
                {
                    foreach (var pageLevels in NonIncreasing(pages, options.MaxLevel - 1, 1))
                    {
                        var levels = rootLevels.Concat(pageLevels).ToImmutableArray();
                        if (!Feasible(levels, roots))
                        {
                            continue;
                        }

                        foreach (var links in LinkAssignments(levels, roots, options.Slots))
                        {
                            if (!EveryPageHasParent(levels.Length, roots, links))
                            {
                                continue;
                            }

                            string key = CanonicalKey(levels, roots, links);
                            if (seen.Add(key))
                            {
                                shapes.Add(new Shape(roots, levels, links.ToImmutableArray()));
                            }
                        }
                    }
                }
            }
        }

        return shapes;
    }

    // Sequences of `count` levels from `max` down to `min`, non-increasing (a multiset each).
    private static IEnumerable<int[]> NonIncreasing(int count, int max, int min)
    {
        if (count == 0)
        {
            yield return [];
            yield break;
        }

        var current = new int[count];
        foreach (var s in Fill(current, 0, max, min))
        {
            yield return s;
        }
    }

    private static IEnumerable<int[]> Fill(int[] current, int at, int max, int min)
    {
        if (at == current.Length)
        {
            yield return (int[])current.Clone();
            yield break;
        }

        for (int level = max; level >= min; level--)
        {
            current[at] = level;
            foreach (var s in Fill(current, at + 1, level, min))
            {
                yield return s;
            }
        }
    }

    // Every non-root page needs some page one level up to be its parent.
    private static bool Feasible(ImmutableArray<int> levels, int roots)
    {
        for (int i = roots; i < levels.Length; i++)
        {
            bool parent = false;
            for (int j = 0; j < levels.Length; j++)
            {
                if (levels[j] == levels[i] + 1)
                {
                    parent = true;
                    break;
                }
            }

            if (!parent)
            {
                return false;
            }
        }

        return true;
    }

    private static IEnumerable<List<ShapeLink>> LinkAssignments(ImmutableArray<int> levels, int roots, IReadOnlyList<int> slots)
    {
        var positions = new List<(int Page, int Slot, int[] Candidates)>();
        for (int p = 0; p < levels.Length; p++)
        {
            if (levels[p] < 2)
            {
                continue;
            }

            var candidates = Enumerable.Range(roots, levels.Length - roots).Where(c => levels[c] == levels[p] - 1).ToArray();
            if (candidates.Length == 0)
            {
                continue;
            }

            foreach (var s in slots)
            {
                positions.Add((p, s, candidates));
            }
        }

        var chosen = new List<ShapeLink>();
        return Assign(positions, 0, chosen);
    }

    private static IEnumerable<List<ShapeLink>> Assign(List<(int Page, int Slot, int[] Candidates)> positions, int at, List<ShapeLink> chosen)
    {
        if (at == positions.Count)
        {
            yield return new List<ShapeLink>(chosen);
            yield break;
        }

        foreach (var s in Assign(positions, at + 1, chosen))
        {
            yield return s;
        }

        var (page, slot, candidates) = positions[at];
        foreach (var child in candidates)
        {
            chosen.Add(new ShapeLink(page, slot, child));
            foreach (var s in Assign(positions, at + 1, chosen))
            {
                yield return s;
            }

            chosen.RemoveAt(chosen.Count - 1);
        }
    }

    private static bool EveryPageHasParent(int count, int roots, List<ShapeLink> links)
    {
        for (int i = roots; i < count; i++)
        {
            bool has = false;
            foreach (var l in links)
            {
                if (l.Child == i)
                {
                    has = true;
                    break;
                }
            }

            if (!has)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The smallest encoding of the links over renamings of same-kind, same-level pages.</summary>
    internal static string CanonicalKey(ImmutableArray<int> levels, int roots, IReadOnlyList<ShapeLink> links)
    {
        // Groups of interchangeable pages: (is root, level).
        var groups = Enumerable.Range(0, levels.Length).GroupBy(i => (i < roots, levels[i])).Select(g => g.ToArray()).ToList();
        string? best = null;
        var map = new int[levels.Length];
        foreach (var perm in Permutations(groups, 0, map))
        {
            var encoded = links.Select(l => new ShapeLink(perm[l.Parent], l.Slot, perm[l.Child])).Order().ToList();
            var sb = new StringBuilder();
            sb.Append(roots).Append(':').Append(string.Join(",", levels)).Append('|');
            foreach (var l in encoded)
            {
                sb.Append(l.Parent).Append('.').Append(l.Slot).Append('.').Append(l.Child).Append(';');
            }

            string key = sb.ToString();
            if (best == null || string.CompareOrdinal(key, best) < 0)
            {
                best = key;
            }
        }

        return best!;
    }

    private static IEnumerable<int[]> Permutations(List<int[]> groups, int g, int[] map)
    {
        if (g == groups.Count)
        {
            yield return map;
            yield break;
        }

        var members = groups[g];
        foreach (var order in Orders(members.Length))
        {
            for (int k = 0; k < members.Length; k++)
            {
                map[members[k]] = members[order[k]];
            }

            foreach (var m in Permutations(groups, g + 1, map))
            {
                yield return m;
            }
        }
    }

    // All orders of 0..n-1 (n is at most the number of pages, so n! is small).
    private static IEnumerable<int[]> Orders(int n)
    {
        if (n == 0)
        {
            yield return [];
            yield break;
        }

        foreach (var rest in Orders(n - 1))
        {
            for (int at = 0; at <= rest.Length; at++)
            {
                var order = new int[n];
                Array.Copy(rest, 0, order, 0, at);
                order[at] = n - 1;
                Array.Copy(rest, at, order, at + 1, rest.Length - at);
                yield return order;
            }
        }
    }
}
