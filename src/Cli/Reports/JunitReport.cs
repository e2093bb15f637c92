using System.Globalization;
using System.Xml.Linq;
using MmuDsl.Dsl.Scenarios;

namespace MmuDsl.Cli.Reports;

/// <summary><c>--format junit</c>: the JUnit XML that CI servers show, one test case per scenario.</summary>
internal static class JunitReport
{
    public static string Render(IReadOnlyList<(ScenarioResult Result, string Status, TimeSpan Time)> results)
    {
        var suite = new XElement(
            "testsuite",
            new XAttribute("name", "mmudsl"),
            new XAttribute("tests", results.Count),
            new XAttribute("failures", results.Count(r => r.Status == "failed")),
            new XAttribute("errors", results.Count(r => r.Status == "error")),
            new XAttribute("skipped", results.Count(r => r.Status == "skipped")),
            new XAttribute("time", Seconds(results.Aggregate(TimeSpan.Zero, (t, r) => t + r.Time))));
        foreach (var (result, status, time) in results)
        {
            string dir = Path.GetDirectoryName(result.Path) ?? string.Empty;
            var testcase = new XElement(
                "testcase",
                new XAttribute("classname", dir.Replace(Path.DirectorySeparatorChar, '.').Replace('/', '.')),
                new XAttribute("name", Path.GetFileName(result.Path)),
                new XAttribute("file", result.Path),
                new XAttribute("time", Seconds(time)));
            switch (status)
            {
                case "failed":
                    testcase.Add(new XElement(
                        "failure",
                        new XAttribute("message", result.Failures.FirstOrDefault()?.Headline ?? "failed"),
                        string.Concat(result.Failures.Select(f => f.Render()))));
                    break;
                case "error":
                    testcase.Add(new XElement(
                        "error",
                        new XAttribute("message", FirstLine(result.Errors.FirstOrDefault()?.Render() ?? "error")),
                        string.Concat(result.Errors.Select(e => e.Render()))));
                    break;
                case "skipped":
                    testcase.Add(new XElement("skipped", new XAttribute("message", "no algorithm left to run")));
                    break;
            }

            if (result.Output.Length > 0)
            {
                testcase.Add(new XElement("system-out", result.Output));
            }

            suite.Add(testcase);
        }

        var doc = new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement("testsuites", suite));
        return doc.Declaration + "\n" + doc.Root + "\n";
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);

    private static string FirstLine(string s)
    {
        int nl = s.IndexOf('\n', StringComparison.Ordinal);
        return nl < 0 ? s : s[..nl];
    }
}
