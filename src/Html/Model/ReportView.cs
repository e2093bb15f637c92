namespace MmuDsl.Html.Model;

/// <summary>What a frame of a large scenario draws: a layout, and the pages placed by it, in its node order.</summary>
internal sealed record ReportView(int Layout, int[] Pages, int Touched);
