using System.Globalization;

namespace MmuDsl.Explore.Shards;

/// <summary>
/// One slice of an exploration, <c>I/N</c>: shard <see cref="Index"/> (0-based) of
/// <see cref="Count"/>. The N shards of one set of bounds are disjoint and together cover every
/// shape explored exactly once (<see cref="ShardPlan"/>).
/// </summary>
public readonly record struct ShardSpec(int Index, int Count)
{
    /// <summary>The most shards one exploration may be cut into.</summary>
    public const int MaxCount = 100_000;

    /// <summary>The whole exploration as one shard.</summary>
    public static ShardSpec Whole => new(0, 1);

    /// <summary>
    /// Reads <c>I/N</c> (as <c>--shard</c> takes it); null with <paramref name="problem"/> set when
    /// the text is not two whole numbers with 0 &lt;= I &lt; N &lt;= <see cref="MaxCount"/>.
    /// </summary>
    public static ShardSpec? Parse(string text, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        problem = null;
        var parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count))
        {
            problem = $"--shard takes I/N, the shard's index from 0 and the number of shards (e.g. 0/4), not '{text}'";
            return null;
        }

        var shard = new ShardSpec(index, count);
        problem = shard.Problem();
        return problem == null ? shard : null;
    }

    /// <summary>Why this is not a shard (a count out of range, an index not below the count), or null.</summary>
    public string? Problem() =>
        Count < 1 || Count > MaxCount ? string.Create(CultureInfo.InvariantCulture, $"--shard I/N needs 1 <= N <= {MaxCount:N0}, not N = {Count}")
        : Index < 0 || Index >= Count ? string.Create(CultureInfo.InvariantCulture, $"--shard I/N needs 0 <= I < N (shards are numbered from 0), not {Index}/{Count}")
        : null;

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
