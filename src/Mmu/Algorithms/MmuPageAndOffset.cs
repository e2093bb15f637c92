namespace MmuDsl.Mmu.Algorithms;

/// <summary>
/// An entry of a batch (<c>struct mmu_page_and_offset</c>): a page and its index in the parent
/// the walk reached it through; <see cref="ShadowMmu.InvalidIndex"/> for the walk's root, and for
/// every entry of an algorithm whose batch keeps no index (eager).
/// </summary>
/// <param name="Sp">The page.</param>
/// <param name="Idx">Its index in its parent, or <see cref="ShadowMmu.InvalidIndex"/>.</param>
public readonly record struct MmuPageAndOffset(KvmMmuPage Sp, int Idx);
