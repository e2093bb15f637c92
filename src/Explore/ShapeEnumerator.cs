using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace MmuDsl.Explore;

/// <summary>
/// Every page-table shape within the bounds, each isomorphism class once. A shape has 1..MaxRoots
/// roots (levels 2..MaxLevel) and 0..MaxPages other pages (levels 1..MaxLevel-1); every spte slot
/// of a page above level 1 is empty or links a non-root page one level down (so a page may have
/// several parents, in one root or in two: shared children); every non-root page has a parent.
/// Two shapes that differ only by renaming pages of the same kind (root or not) and level are
/// one shape.
/// <para>
/// How: the pages' kinds and levels (a "level combination") are fixed first; a shape of that
/// combination is then an assignment of a child (or none) to every (page, slot) position, read as
/// a number, position by position. Renamings of same-kind, same-level pages permute the positions
/// and the children; of the assignments in one isomorphism class exactly one reads as the
/// smallest number, and that one is kept: an assignment is dropped as soon as one renaming makes
/// it smaller, so no set of keys is needed. Level combinations are independent and run in
/// parallel; the result is in a stable order (combinations, then assignments, as enumerated).
/// </para>
/// </summary>
public static class ShapeEnumerator
{
    /// <summary>
    /// The canonical shapes, in a stable order. Throws <see cref="ExploreLimitException"/> when the
    /// bounds hold more than <see cref="ExploreOptions.MaxShapes"/> of them (it stops counting there).
    /// </summary>
    public static List<Shape> Enumerate(ExploreOptions options) => Enumerate(options, null);

    /// <summary>As <see cref="Enumerate(ExploreOptions)"/>, counting the shapes found in <paramref name="progress"/> as it goes.</summary>
    public static List<Shape> Enumerate(ExploreOptions options, ExploreProgress? progress)
    {
        ArgumentNullException.ThrowIfNull(options);
        var combinations = new List<(int Roots, ImmutableArray<int> Levels)>();
        for (int roots = 1; roots <= options.MaxRoots; roots++)
        {
            foreach (var rootLevels in NonIncreasing(roots, options.MaxLevel, 2))
            {
                for (int pages = 0; pages <= options.MaxPages; pages++)
                {
                    foreach (var pageLevels in NonIncreasing(pages, options.MaxLevel - 1, 1))
                    {
                        var levels = rootLevels.Concat(pageLevels).ToImmutableArray();
                        if (Feasible(levels, roots))
                        {
                            combinations.Add((roots, levels));
                        }
                    }
                }
            }
        }

        var slots = options.Slots.Distinct().Order().ToArray();

        // The work is the link assignments tried, known before any is: refuse at once when too many.
        double assignments = combinations.Sum(c => Assignments(c.Roots, c.Levels, slots.Length));
        if (assignments > options.MaxLinkAssignments)
        {
            throw ExploreLimitException.Shapes($"have {assignments:G3} link assignments to try (at most {options.MaxLinkAssignments:G3})");
        }

        if (progress != null)
        {
            progress.LinkAssignments = assignments;
            progress.Start(ExplorePhase.Enumerating);
        }

        var found = new List<Shape>[combinations.Count];
        var kept = new StrongBox<long>();
        Parallel.ForEach(
            Partitioner.Create(0, combinations.Count, 1),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism) },
            range =>
            {
                for (int i = range.Item1; i < range.Item2; i++)
                {
                    found[i] = new Combination(combinations[i].Roots, combinations[i].Levels, slots, kept, options.MaxShapes, progress).Shapes();
                }
            });

        if (kept.Value > options.MaxShapes)
        {
            throw ExploreLimitException.Shapes($"hold more than {options.MaxShapes:N0} canonical shapes");
        }

        var shapes = new List<Shape>(found.Sum(f => f.Count));
        foreach (var f in found)
        {
            shapes.AddRange(f);
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

    // Every (page, slot) position empty or linking any page one level down: the assignments tried.
    private static double Assignments(int roots, ImmutableArray<int> levels, int slots)
    {
        double product = 1;
        foreach (int level in levels)
        {
            int below = 0;
            for (int c = roots; c < levels.Length; c++)
            {
                below += levels[c] == level - 1 ? 1 : 0;
            }

            product *= Math.Pow(1 + below, slots);
        }

        return product;
    }

    // Every non-root page needs some page one level up to be its parent.
    private static bool Feasible(ImmutableArray<int> levels, int roots)
    {
        for (int i = roots; i < levels.Length; i++)
        {
            if (!levels.Contains(levels[i] + 1))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The shapes of one level combination.</summary>
    private sealed class Combination
    {
        private readonly int _roots;
        private readonly ImmutableArray<int> _levels;
        private readonly int[] _slots;

        // Positions in order (page ascending, slot ascending): the page, the slot, the candidates.
        private readonly int[] _positionPage;
        private readonly int[] _positionSlot;
        private readonly int[][] _candidates;

        // Renamings other than the identity: where each position goes, and what each page becomes.
        private readonly List<(int[] Position, int[] Page)> _renamings = [];

        // The assignment being built: the child at each position, or -1; and each page's parents.
        private readonly int[] _child;
        private readonly int[] _parents;
        private readonly int[] _renamed;
        private readonly string[] _names;
        private readonly List<Shape> _shapes = [];

        // Shapes kept by every combination so far, and the most the bounds may have.
        private readonly StrongBox<long> _kept;
        private readonly ExploreProgress? _progress;
        private readonly long _limit;

        public Combination(int roots, ImmutableArray<int> levels, int[] slots, StrongBox<long> kept, long limit, ExploreProgress? progress)
        {
            _progress = progress;
            _kept = kept;
            _limit = limit;
            _roots = roots;
            _levels = levels;
            _slots = slots;
            var page = new List<int>();
            var slot = new List<int>();
            var candidates = new List<int[]>();
            for (int p = 0; p < levels.Length; p++)
            {
                int[] below = Enumerable.Range(roots, levels.Length - roots).Where(c => levels[c] == levels[p] - 1).ToArray();
                if (levels[p] < 2 || below.Length == 0)
                {
                    continue;
                }

                foreach (int s in slots)
                {
                    page.Add(p);
                    slot.Add(s);
                    candidates.Add(below);
                }
            }

            _positionPage = [.. page];
            _positionSlot = [.. slot];
            _candidates = [.. candidates];
            _child = new int[_positionPage.Length];
            _renamed = new int[_positionPage.Length];
            _parents = new int[levels.Length];
            _names = Shape.NamesFor(roots, levels);
            BuildRenamings();
        }

        public List<Shape> Shapes()
        {
            Assign(0);
            return _shapes;
        }

        private void Assign(int at)
        {
            if (Volatile.Read(ref _kept.Value) > _limit)
            {
                return;
            }

            if (at == _child.Length)
            {
                Consider();
                return;
            }

            _child[at] = -1;
            Assign(at + 1);
            foreach (int c in _candidates[at])
            {
                _child[at] = c;
                _parents[c]++;
                Assign(at + 1);
                _parents[c]--;
            }
        }

        private void Consider()
        {
            for (int i = _roots; i < _parents.Length; i++)
            {
                if (_parents[i] == 0)
                {
                    return;
                }
            }

            foreach (var (position, page) in _renamings)
            {
                for (int i = 0; i < _child.Length; i++)
                {
                    _renamed[position[i]] = _child[i] < 0 ? -1 : page[_child[i]];
                }

                // Read both as numbers, first position most significant (-1, empty, is smallest).
                for (int i = 0; i < _child.Length; i++)
                {
                    if (_renamed[i] != _child[i])
                    {
                        if (_renamed[i] < _child[i])
                        {
                            return;
                        }

                        break;
                    }
                }
            }

            var links = ImmutableArray.CreateBuilder<ShapeLink>();
            for (int i = 0; i < _child.Length; i++)
            {
                if (_child[i] >= 0)
                {
                    links.Add(new ShapeLink(_positionPage[i], _positionSlot[i], _child[i]));
                }
            }

            _shapes.Add(new Shape(_roots, _levels, links.ToImmutable(), _names));
            Interlocked.Increment(ref _kept.Value);
            _progress?.ShapeFound();
        }

        // Every renaming of same-kind, same-level pages but the identity, as position and page maps.
        private void BuildRenamings()
        {
            var groups = Enumerable.Range(0, _levels.Length).GroupBy(i => (i < _roots, _levels[i])).Select(g => g.ToArray()).ToList();
            var page = new int[_levels.Length];
            foreach (var map in Renamings(groups, 0, page))
            {
                if (map.Select((to, from) => to == from).All(same => same))
                {
                    continue;
                }

                var position = new int[_child.Length];
                for (int i = 0; i < position.Length; i++)
                {
                    int target = map[_positionPage[i]];
                    position[i] = Array.FindIndex(_positionPage, 0, p => p == target) + Array.IndexOf(_slots, _positionSlot[i]);
                }

                _renamings.Add((position, (int[])map.Clone()));
            }
        }

        private static IEnumerable<int[]> Renamings(List<int[]> groups, int g, int[] map)
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

                foreach (var m in Renamings(groups, g + 1, map))
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
}
