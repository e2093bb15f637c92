namespace MmuDsl.Explore.Results;

/// <summary>The walks and visits of one algorithm over everything a shard explored.</summary>
public sealed record WorkTotals(long Walks, long Visits);
