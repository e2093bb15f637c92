namespace MmuDsl.Html.Recording;

/// <summary>What never changes about a page: its name, level, whether it is a root, its gfn.</summary>
internal readonly record struct PageInfo(string Name, int Level, bool IsRoot, long Gfn);
