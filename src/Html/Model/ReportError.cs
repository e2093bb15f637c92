using MmuDsl.Dsl.Scenarios;

namespace MmuDsl.Html.Model;

/// <summary>An error that stopped the run (or a golden block's), placed by its span: the number of its file among the report's (-1: none of them, or no place), line and column (0: none).</summary>
internal sealed record ReportError(int File, int Line, int Column, ScenarioError Error);
