using System.Text;
using MmuDsl.Html;

namespace MmuDsl.Cli.Reports;

/// <summary>
/// Where <c>--format html</c> puts its pages: <c>-o FILE</c>, <c>-o DIR</c> (one page per scenario,
/// named after it), or standard output for a single scenario. Every file is written atomically.
/// </summary>
internal static class HtmlReportFiles
{
    /// <summary>
    /// The report file of each scenario, or null entries for standard output; or an error for the
    /// command line (several scenarios with no folder to put them in).
    /// </summary>
    public static string? Targets(IReadOnlyList<string> scenarios, string? output, out string?[] targets)
    {
        targets = new string?[scenarios.Count];
        if (output == null)
        {
            return scenarios.Count == 1 ? null : "--format html with several scenarios writes one page each: give a folder with -o DIR";
        }

        bool folder = Directory.Exists(output) || scenarios.Count > 1 || output.EndsWith('/') || output.EndsWith(Path.DirectorySeparatorChar);
        if (!folder)
        {
            targets[0] = output;
            return null;
        }

        var used = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < scenarios.Count; i++)
        {
            string name = Path.GetFileNameWithoutExtension(scenarios[i]);
            string candidate = name + ".html";
            for (int n = 2; !used.Add(candidate); n++)
            {
                candidate = $"{name}-{n}.html";
            }

            targets[i] = Path.Combine(output, candidate);
        }

        return null;
    }

    /// <summary>Writes the page to <paramref name="target"/> (or <paramref name="stdout"/> when null); returns an error message, or null.</summary>
    public static string? Write(HtmlReportPage page, string? target, TextWriter stdout)
    {
        if (target == null)
        {
            stdout.Write(Encoding.UTF8.GetString(page.Html));
            stdout.Flush();
            return null;
        }

        try
        {
            string? folder = Path.GetDirectoryName(Path.GetFullPath(target));
            if (folder != null)
            {
                Directory.CreateDirectory(folder);
            }

            HtmlReport.WriteFile(target, page.Html);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return $"cannot write the report to {target}: {e.Message}";
        }
    }

    /// <summary>The line that says where a report went.</summary>
    public static string Written(string target, HtmlReportPage page) =>
        $"{target}: report of {page.Steps} steps ({page.Frames} frames), {page.Pages} pages, {string.Join(" and ", page.Algorithms)}"
        + (page.Large ? "; large: each frame draws only what it touched" : string.Empty);
}
