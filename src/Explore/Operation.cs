using MmuDsl.Mmu;

namespace MmuDsl.Explore;

/// <summary>
/// One operation on a shape's pages (indexes into the shape). A <see cref="OperationKind.SyncYield"/>
/// carries the operation run at its yield point (<see cref="Inner"/>).
/// </summary>
public readonly record struct Operation(OperationKind Kind, int Page, int Slot = 0, int Child = 0)
{
    /// <summary>The operation at the yield point of a <see cref="OperationKind.SyncYield"/>.</summary>
    public Operation Inner => new(InnerKind, InnerPage, InnerSlot, InnerChild);

    private OperationKind InnerKind { get; init; }

    private int InnerPage { get; init; }

    private int InnerSlot { get; init; }

    private int InnerChild { get; init; }

    /// <summary>True for a link of either path.</summary>
    public bool IsLink => Kind is OperationKind.Link or OperationKind.LinkFetch or OperationKind.LinkFetchInterrupted;

    /// <summary><c>sync P yield-after 1 { inner }</c>.</summary>
    public static Operation Yielding(int page, Operation inner) => new(OperationKind.SyncYield, page)
    {
        InnerKind = inner.Kind,
        InnerPage = inner.Page,
        InnerSlot = inner.Slot,
        InnerChild = inner.Child,
    };

    /// <summary>
    /// Applies the operation to an engine built from the shape. A yielding sync runs its inner
    /// operation at the yield point, or, when the sync ended before it could yield, right after it.
    /// </summary>
    public void Apply(ShadowMmu mmu, ShadowPage[] pages)
    {
        var page = pages[Page];
        switch (Kind)
        {
            case OperationKind.Unsync:
                mmu.Unsync(page);
                break;
            case OperationKind.Sync:
                mmu.SyncChildren(page);
                break;
            case OperationKind.SyncInterrupted:
                mmu.SyncChildren(page, 1);
                break;
            case OperationKind.FailSync:
                mmu.FailNextSync(page);
                break;
            case OperationKind.Zap:
                mmu.Zap(page);
                break;
            case OperationKind.Unlink:
                mmu.Unlink(page, Slot);
                break;
            case OperationKind.Link:
                mmu.Link(page, Slot, pages[Child]);
                break;
            case OperationKind.LinkFetch:
                mmu.Fetch(page, Slot, pages[Child]);
                break;
            case OperationKind.LinkFetchInterrupted:
                mmu.Fetch(page, Slot, pages[Child], 1);
                break;
            default:
                ApplyYielding(mmu, pages);
                break;
        }
    }

    // A method of its own: the yield point's closure would otherwise be allocated on every Apply.
    private void ApplyYielding(ShadowMmu mmu, ShadowPage[] pages)
    {
        var inner = Inner;
        long yields = mmu.Stats.Yields;
        mmu.SyncChildrenYielding(pages[Page], 1, () => inner.Apply(mmu, pages));
        if (mmu.Stats.Yields == yields)
        {
            inner.Apply(mmu, pages);
        }
    }

    /// <summary>The statement, in the language (a yielding sync spans three lines).</summary>
    public string ToStatement(Shape shape) => Kind switch
    {
        OperationKind.Unsync => $"unsync {shape.Name(Page)}",
        OperationKind.Sync => $"sync {shape.Name(Page)}",
        OperationKind.SyncInterrupted => $"sync {shape.Name(Page)} interrupt-after 1",
        OperationKind.FailSync => $"fail-sync {shape.Name(Page)}",
        OperationKind.Zap => $"zap {shape.Name(Page)}",
        OperationKind.Unlink => $"unlink {shape.Name(Page)}[{Slot}]",
        OperationKind.Link => $"link {shape.Name(Page)}[{Slot}] -> {shape.Name(Child)}",
        OperationKind.LinkFetch => $"link {shape.Name(Page)}[{Slot}] -> {shape.Name(Child)} via fetch",
        OperationKind.LinkFetchInterrupted => $"link {shape.Name(Page)}[{Slot}] -> {shape.Name(Child)} via fetch interrupt-after 1",
        _ => $"sync {shape.Name(Page)} yield-after 1 {{\n  {Inner.ToStatement(shape)}\n}}",
    };

    /// <inheritdoc/>
    /// <remarks>Written out, not generated: the generated one would print <see cref="Inner"/>, whose
    /// own <see cref="Inner"/> is an operation again, without end.</remarks>
    public override string ToString() => Kind == OperationKind.SyncYield
        ? $"{Kind} {Page} {{ {Inner} }}"
        : $"{Kind} {Page} {Slot} {Child}";

    /// <summary>True when the operation names page <paramref name="index"/>.</summary>
    public bool Mentions(int index) =>
        Page == index || (IsLink && Child == index) || (Kind == OperationKind.SyncYield && Inner.Mentions(index));

    /// <summary>The operation with page indexes above <paramref name="dropped"/> shifted down.</summary>
    public Operation Renumbered(int dropped)
    {
        var renumbered = this with
        {
            Page = Page > dropped ? Page - 1 : Page,
            Child = IsLink && Child > dropped ? Child - 1 : Child,
        };
        return Kind == OperationKind.SyncYield ? Yielding(renumbered.Page, Inner.Renumbered(dropped)) : renumbered;
    }
}
