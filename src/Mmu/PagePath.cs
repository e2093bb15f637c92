namespace MmuDsl.Mmu;

/// <summary>
/// <c>struct mmu_page_path</c>: while a batch is iterated (<c>for_each_sp</c>), the parent page and
/// the index below it at each level, from the walk's root down to the current leaf. Legacy uses it
/// for <c>mmu_pages_clear_parents</c>; the seed's patch removes it.
/// </summary>
internal sealed class PagePath
{
    private const int MaxLevels = 5;

    // Parent[level - 1] is the page at level + 1 on the path; a null entry above the walk's root
    // is the sentinel that stops the bottom-up clearing at the root.
    public readonly ShadowPage?[] Parent = new ShadowPage?[MaxLevels + 1];
    public readonly int[] Index = new int[MaxLevels + 1];
}
