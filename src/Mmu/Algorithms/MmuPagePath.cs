using System.Runtime.CompilerServices;

namespace MmuDsl.Mmu.Algorithms;

/// <summary>
/// <c>struct mmu_page_path</c>: while legacy's <c>for_each_sp</c> iterates a batch, the parent
/// page and the index below it at each level, from the walk's root down to the current leaf.
/// <c>Parent[level - 1]</c> is the page at level + 1 on the path; <see cref="KvmMmuPage.Null"/>
/// above the walk's root is the sentinel that stops <c>mmu_pages_clear_parents</c> there. A value
/// on the stack (no allocation per batch); pass it by <c>ref</c>.
/// </summary>
public struct MmuPagePath
{
    /// <summary>Levels a path can span, plus the sentinel (<c>PT64_ROOT_MAX_LEVEL</c> is 5).</summary>
    public const int Size = 6;

    /// <summary><c>parent[]</c>.</summary>
    public PathPages Parent;

    /// <summary><c>idx[]</c>.</summary>
    public PathIndexes Idx;

    /// <summary>The pages of a path, indexed by level - 1.</summary>
    [InlineArray(Size)]
    public struct PathPages
    {
        private KvmMmuPage _element;
    }

    /// <summary>The indexes of a path, indexed by level - 1.</summary>
    [InlineArray(Size)]
    public struct PathIndexes
    {
        private int _element;
    }
}
