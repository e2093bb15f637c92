using MmuDsl.Mmu;

namespace MmuDsl.Dsl.Explore;

/// <summary>One operation on a shape's pages (indexes into the shape).</summary>
public readonly record struct Operation(OperationKind Kind, int Page, int Slot = 0, int Child = 0)
{
    /// <summary>Applies the operation to an engine built from the shape.</summary>
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
            default:
                mmu.Link(page, Slot, pages[Child]);
                break;
        }
    }

    /// <summary>The statement, in the language.</summary>
    public string ToStatement(Shape shape) => Kind switch
    {
        OperationKind.Unsync => $"unsync {shape.Name(Page)}",
        OperationKind.Sync => $"sync {shape.Name(Page)}",
        OperationKind.SyncInterrupted => $"sync {shape.Name(Page)} interrupt-after 1",
        OperationKind.FailSync => $"fail-sync {shape.Name(Page)}",
        OperationKind.Zap => $"zap {shape.Name(Page)}",
        OperationKind.Unlink => $"unlink {shape.Name(Page)}[{Slot}]",
        _ => $"link {shape.Name(Page)}[{Slot}] -> {shape.Name(Child)}",
    };

    /// <summary>True when the operation names page <paramref name="index"/>.</summary>
    public bool Mentions(int index) => Page == index || (Kind == OperationKind.Link && Child == index);

    /// <summary>The operation with page indexes above <paramref name="dropped"/> shifted down.</summary>
    public Operation Renumbered(int dropped) => this with
    {
        Page = Page > dropped ? Page - 1 : Page,
        Child = Kind == OperationKind.Link && Child > dropped ? Child - 1 : Child,
    };
}
