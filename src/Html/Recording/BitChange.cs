using MmuDsl.Mmu.Events;

namespace MmuDsl.Html.Recording;

/// <summary>A bit of a page's <c>unsync_child_bitmap</c> that was set (<see cref="By"/> null) or cleared, and by whom.</summary>
internal readonly record struct BitChange(int Page, int Index, BitClearer? By);
