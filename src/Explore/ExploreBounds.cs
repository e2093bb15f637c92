using System.Collections.Immutable;
using System.Globalization;

namespace MmuDsl.Explore;

/// <summary>
/// Everything that decides what an exploration explores and what it reports, besides the two
/// algorithms: the sizes, the slots, the moves, the capacities, the sample, and whether findings
/// are shrunk. Two runs (or two shards) with equal bounds and the same algorithms explore the same
/// space; <see cref="Results.ShardMerger"/> merges only such shards. Not part of it: threads,
/// memory limits and where repros go, which change how a run goes but not its report.
/// </summary>
public sealed record ExploreBounds
{
    /// <summary>Most roots.</summary>
    public required int MaxRoots { get; init; }

    /// <summary>Most further pages.</summary>
    public required int MaxPages { get; init; }

    /// <summary>Highest level.</summary>
    public required int MaxLevel { get; init; }

    /// <summary>The spte slots children may occupy, ascending.</summary>
    public required ImmutableArray<int> Slots { get; init; }

    /// <summary>Longest operation sequence.</summary>
    public required int MaxOperations { get; init; }

    /// <summary>Batch capacities besides the highest root's level and 16, ascending.</summary>
    public required ImmutableArray<int> ExtraCapacities { get; init; }

    /// <summary>Links with <c>link_shadow_page</c> alone (<c>--raw-link</c>) rather than through the fault path.</summary>
    public required bool RawLink { get; init; }

    /// <summary>Syncs that yield after their first batch are tried too (<c>--yield</c>).</summary>
    public required bool Yields { get; init; }

    /// <summary>Shapes drawn at random (<c>--sample</c>), or null for every shape.</summary>
    public required int? Sample { get; init; }

    /// <summary>The seed of the draw; null without a sample.</summary>
    public required int? Seed { get; init; }

    /// <summary>Findings are shrunk (not <c>--no-shrink</c>).</summary>
    public required bool Shrink { get; init; }

    /// <inheritdoc/>
    public bool Equals(ExploreBounds? other) => other != null && Differences(other).Count == 0;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(MaxRoots, MaxPages, MaxLevel, MaxOperations, string.Join(",", Slots), string.Join(",", ExtraCapacities), (RawLink, Yields, Sample, Seed, Shrink));

    /// <summary>What differs from <paramref name="other"/>, one phrase each, as options: <c>--pages 3 against 2</c>.</summary>
    public IReadOnlyList<string> Differences(ExploreBounds other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var mine = Arguments();
        var theirs = other.Arguments();
        var differences = new List<string>();
        foreach (var (name, value) in mine)
        {
            string their = theirs.Single(t => t.Name == name).Value;
            if (value != their)
            {
                differences.Add($"{name} {value} against {their}");
            }
        }

        return differences;
    }

    /// <summary>
    /// The bounds as <c>mmudsl explore</c> options (every one, defaults included): the command
    /// line of a single-machine run of the same bounds, but for the algorithms.
    /// </summary>
    public string ToCommandLine() =>
        string.Join(" ", Arguments().Where(a => a.Value is not ("off" or "none")).Select(a => a.Value == "on" ? a.Name : $"{a.Name} {a.Value}"));

    private List<(string Name, string Value)> Arguments()
    {
        string Int(int v) => v.ToString(CultureInfo.InvariantCulture);
        return
        [
            ("--roots", Int(MaxRoots)),
            ("--pages", Int(MaxPages)),
            ("--max-level", Int(MaxLevel)),
            ("--slots", string.Join(",", Slots.Select(Int))),
            ("--ops", Int(MaxOperations)),
            ("--pvec", ExtraCapacities.IsEmpty ? "none" : string.Join(" ", ExtraCapacities.Select(Int))),
            ("--raw-link", RawLink ? "on" : "off"),
            ("--yield", Yields ? "on" : "off"),
            ("--sample", Sample is { } s ? Int(s) : "off"),
            ("--seed", Seed is { } seed ? Int(seed) : "off"),
            ("--no-shrink", Shrink ? "off" : "on"),
        ];
    }
}
