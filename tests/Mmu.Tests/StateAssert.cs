namespace MmuDsl.Mmu.Tests;

/// <summary>
/// Whole-state comparisons of two <see cref="MmuSnapshot"/>s: the semantic part, the metadata,
/// the structure (sptes, levels, names) and the counters. (A snapshot's record equality is not
/// usable for this: its arrays compare by reference.)
/// </summary>
internal static class StateAssert
{
    /// <summary>The first difference in names, levels, zapped state or sptes, or null.</summary>
    public static string? FirstStructureDifference(MmuSnapshot a, MmuSnapshot b)
    {
        if (a.Pages.Length != b.Pages.Length)
        {
            return $"{a.Pages.Length} pages against {b.Pages.Length}";
        }

        for (int i = 0; i < a.Pages.Length; i++)
        {
            var x = a.Pages[i];
            var y = b.Pages[i];
            if (x.Name != y.Name || x.Level != y.Level)
            {
                return $"page #{i}: {x.Name} (level {x.Level}) against {y.Name} (level {y.Level})";
            }

            if (x.Zapped != y.Zapped)
            {
                return $"{x.Name}.zapped: {x.Zapped} against {y.Zapped}";
            }

            if (!x.StructureEquals(y))
            {
                return $"{x.Name}.sptes: {Sptes(x)} against {Sptes(y)}";
            }
        }

        return null;
    }

    /// <summary>The first difference of any kind (semantic, metadata, structure, counters), or null.</summary>
    public static string? FirstDifference(MmuSnapshot a, MmuSnapshot b) =>
        a.FirstSemanticDifference(b)
        ?? a.FirstMetadataDifference(b)
        ?? FirstStructureDifference(a, b)
        ?? (a.Stats == b.Stats ? null : $"stats: {a.Stats} against {b.Stats}");

    /// <summary>Asserts that nothing at all differs between the two snapshots.</summary>
    public static void Same(MmuSnapshot expected, MmuSnapshot actual)
    {
        string? difference = FirstDifference(expected, actual);
        Assert.True(difference == null, $"state changed: {difference}");
    }

    private static string Sptes(PageState p) =>
        "{" + string.Join(",", p.Sptes.Select(s => s.Child == null ? $"{s.Index}:{s.Kind}" : $"{s.Index}:{s.Child}")) + "}";
}
