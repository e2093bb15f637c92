namespace MmuDsl.Explore.Results;

/// <summary>
/// The merge of shards' results: the report, or (when they cannot be merged) every reason, one
/// line each, naming the files concerned.
/// </summary>
public sealed record MergeOutcome(ExploreReport? Report, IReadOnlyList<string> Problems);
