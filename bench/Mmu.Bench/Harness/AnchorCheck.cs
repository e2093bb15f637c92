using System.Globalization;

namespace MmuDsl.Mmu.Bench.Harness;

/// <summary>
/// The project's walk.c (bench/native/walk.c) is an independent anchor's legacy and recursive plus eager. Whether its legacy
/// and recursive are still the anchor's is checked by what they do, not by their text: both are
/// built and run on the same table at every k, and must report the same work (pages, synced,
/// walks, visits, and nothing left unsync). The engine's work is checked against the copy, so
/// the anchor's legacy and recursive figures stay the reference.
/// </summary>
internal static class AnchorCheck
{
    /// <summary>What the independent anchor knows.</summary>
    public static readonly IReadOnlyList<string> Algorithms = ["legacy", "recursive"];

    /// <summary>
    /// Compares <paramref name="copy"/> with <paramref name="shared"/> (null when there is none, or
    /// it did not compile: then <paramref name="sharedError"/> says why) at each k; every
    /// difference is a failure.
    /// </summary>
    public static AnchorCheckOutcome Run(NativeWalk copy, NativeWalk? shared, string sharedError, IReadOnlyList<int> ks, List<string> failures)
    {
        if (shared == null)
        {
            if (sharedError.Length > 0)
            {
                failures.Add($"the independent anchor could not be built: {sharedError}");
                return new AnchorCheckOutcome($"checked : NOT CHECKED: {sharedError}", false);
            }

            return new AnchorCheckOutcome("checked : no independent walk.c given (--check-against): the copy's legacy and recursive were not compared with one", false);
        }

        var differences = new List<string>();
        foreach (string algorithm in Algorithms)
        {
            foreach (int k in ks)
            {
                var a = copy.Run(k, algorithm);
                var b = shared.Run(k, algorithm);
                if (a.Pages != b.Pages || a.Synced != b.Synced || a.Walks != b.Walks || a.Visits != b.Visits || a.Left != b.Left || a.RootChildren != b.RootChildren)
                {
                    differences.Add($"{algorithm} k={k}: pages/synced/walks/visits/left {a.Pages}/{a.Synced}/{a.Walks}/{a.Visits}/{a.Left} in the copy, {b.Pages}/{b.Synced}/{b.Walks}/{b.Visits}/{b.Left} in the independent anchor");
                }
            }
        }

        string kList = string.Join("/", ks.Select(k => k.ToString(CultureInfo.InvariantCulture)));
        string head = $"checked : {shared.Source} (sha256 {shared.SourceSha256[..12]}): ";
        if (differences.Count == 0)
        {
            return new AnchorCheckOutcome(head + $"its legacy and recursive do the copy's work at k={kList} (pages, synced, walks, visits: equal)", true);
        }

        failures.AddRange(differences.Select(d => "the copy's walk.c no longer does the independent anchor's work: " + d));
        return new AnchorCheckOutcome(head + "its legacy and recursive DIFFER from the copy's (see FAIL below)", true);
    }
}
