namespace MmuDsl.Explore;

/// <summary>What the explorer can find, reported separately.</summary>
public enum FindingClass
{
    /// <summary>An invariant (docs/model.md#invariants) broke, or a WARN fired, under one algorithm.</summary>
    InvariantViolation,

    /// <summary>The semantic state differs on a sequence with no interrupted sync: the patch would not be a no-op.</summary>
    SemanticDivergence,

    /// <summary>The semantic state differs only after an interrupted sync: a difference in progress per batch.</summary>
    SemanticDivergenceAfterInterrupt,

    /// <summary>The semantic state differs after a sync that yielded (no interrupted one): what another
    /// vCPU did at the yield point met a different state (<c>explore --yield</c>).</summary>
    SemanticDivergenceAfterYield,

    /// <summary>Only bitmaps or counts differ, and every differing bit is a false positive the next walk clears.</summary>
    MetadataAllowed,

    /// <summary>Only bitmaps or counts differ, and some bit is missing where a page below is unsync: a false negative.</summary>
    MetadataNotAllowed,

    /// <summary>An algorithm's own code threw, or was stopped by a budget (a plug-in that loops or recurses forever).</summary>
    AlgorithmFailed,
}
