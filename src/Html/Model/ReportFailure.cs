using MmuDsl.Dsl.Runtime;

namespace MmuDsl.Html.Model;

/// <summary>A failed expectation, golden block or warning, placed at its statement (file number, line, column).</summary>
internal sealed record ReportFailure(int File, int Line, int Column, ScenarioFailure Failure);
