namespace MmuDsl.Html.Layout;

/// <summary>A node to place: its box and its level (a higher level is drawn higher).</summary>
internal readonly record struct LayoutBox(double Width, double Height, int Level);
