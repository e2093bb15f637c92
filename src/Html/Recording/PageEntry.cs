namespace MmuDsl.Html.Recording;

/// <summary>An entry of a page (a visited bitmap bit, or a batch entry with its index in the parent; -1 for the walk's root).</summary>
internal readonly record struct PageEntry(int Page, int Index);
