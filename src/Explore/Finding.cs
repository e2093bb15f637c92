using System.Collections.Immutable;

namespace MmuDsl.Explore;

/// <summary>One instance of a finding: the shape, the batch capacity, the operations, and what was seen.</summary>
public sealed record Finding(FindingClass Class, Shape Shape, int Capacity, ImmutableArray<Operation> Operations, string Description)
{
    /// <summary>Size for choosing the smallest instance: operations, then pages, then links.</summary>
    public (int, int, int) Size => (Operations.Length, Shape.PageCount, Shape.Links.Length);

    /// <summary>The place of its shape among the shapes explored: among instances of one size the
    /// first shape's is kept, so that the report does not depend on which worker finished first.</summary>
    internal int ShapeOrder { get; init; }

    /// <summary>Which instance is kept: by <see cref="Size"/>, then by the place of the shape.</summary>
    public FindingKey Key => new(Operations.Length, Shape.PageCount, Shape.Links.Length, ShapeOrder);

    /// <summary>True when this instance is kept rather than <paramref name="other"/>.</summary>
    internal bool IsSmallerThan(Finding other) => Key.IsSmallerThan(other.Key);

    /// <summary>Statements of its .mmu repro, not counting comments and expectations.</summary>
    public int StatementCount => Shape.PageCount + Shape.Links.Length + Operations.Length
        + Operations.Count(o => o.Kind == OperationKind.SyncYield) + (Capacity == 16 ? 0 : 1);
}
