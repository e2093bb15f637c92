using MmuDsl.Mmu.Events;

namespace MmuDsl.Mmu;

/// <summary>Zapping: <c>kvm_mmu_prepare_zap_page</c> (committed at once) and <c>mmu_zap_unsync_children</c>.</summary>
public sealed partial class ShadowMmu
{
    /// <summary>
    /// Zaps <paramref name="page"/>: its unsync children first, then unlinks its children (which
    /// are not zapped) and its parents (whose bits stay set: stale), drops its unsync state, and
    /// marks it invalid. A root stays allocated but invalid.
    /// </summary>
    public void Zap(ShadowPage page)
    {
        RequireLive(page, "zap");
        PrepareZap(page);
    }

    /// <summary><c>mmu_zap_unsync_children</c>: zap every unsync page below <paramref name="page"/>.</summary>
    public SyncOutcome ZapUnsyncChildren(ShadowPage page)
    {
        RequireLive(page, "zap the unsync children of");
        return ZapUnsyncChildrenCore(page);
    }

    private void PrepareZap(ShadowPage page)
    {
        Stats.Zaps++;
        ZapUnsyncChildrenCore(page);

        // kvm_mmu_page_unlink_children: clear every spte; children lose this parent pte.
        for (int i = page.NextPresentIndex(0); i >= 0; i = page.NextPresentIndex(i + 1))
        {
            ClearSpte(page, i);
        }

        // kvm_mmu_unlink_parents: clear every parent's spte; the parents' bits stay set.
        while (page.ParentCount > 0)
        {
            var pte = page.ParentAt(0);
            ClearSpte(pte.Parent, pte.Index);
        }

        if (page.Unsync)
        {
            page.Unsync = false;
            Stats.Unsync--;
        }

        page.FailNextSync = false;
        page.Zapped = true;
        if (Observer != null)
        {
            Emit(new PageZapped(page));
        }
    }

    private SyncOutcome ZapUnsyncChildrenCore(ShadowPage parent) =>
        parent.Level == 1 ? SyncOutcome.Done : RunLoop(parent, zap: true, interruptAfterBatches: null, yieldAfterBatches: null, atYield: null);
}
