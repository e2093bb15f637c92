namespace MmuDsl.Mmu.Bench.Harness;

/// <summary>The end of every benchmark's report: what was checked, or each FAIL; then the wall time.</summary>
internal static class ChecksFooter
{
    /// <summary>
    /// Writes <paramref name="checksWhenClean"/> (the "Checks: ..." lines) when nothing failed,
    /// else one <c>FAIL:</c> line per distinct failure; then <c>(N s)</c>.
    /// </summary>
    public static void Write(TextWriter w, IReadOnlyList<string> failures, IEnumerable<string> checksWhenClean, TimeSpan elapsed)
    {
        if (failures.Count == 0)
        {
            foreach (string line in checksWhenClean)
            {
                w.WriteLine(line);
            }
        }
        else
        {
            foreach (string f in failures.Distinct())
            {
                w.WriteLine("FAIL: " + f);
            }
        }

        w.WriteLine($"({elapsed.TotalSeconds:0} s)");
    }
}
