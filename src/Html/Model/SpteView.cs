using MmuDsl.Mmu;

namespace MmuDsl.Html.Model;

/// <summary>A present spte in a report: its index, its kind, and for a link the child's page number (else -1).</summary>
internal readonly record struct SpteView(int Index, SpteKind Kind, int Child);
