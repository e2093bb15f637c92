using MmuDsl.Dsl.Runtime;

namespace MmuDsl.Html.Tests;

/// <summary>Writes reports for the tests, into artifacts/html-tests/ beside the screenshots.</summary>
internal static class Reports
{
    public static (string Path, HtmlReportPage Page, HtmlReportRun Run) Write(string scenario, string name, HtmlReportOptions? options = null, RunOptions? run = null)
    {
        var recorded = HtmlReport.Run(scenario, run ?? RunOptions.Default);
        Assert.True(recorded.HasSteps, $"{scenario} did not run: {string.Join("\n", recorded.Result.Errors)}");
        var page = HtmlReport.Render(recorded, options ?? HtmlReportOptions.Default);
        string path = Path.Combine(Repo.Artifacts, name + ".html");
        HtmlReport.WriteFile(path, page.Html);
        return (path, page, recorded);
    }

    public static (string Path, HtmlReportPage Page) WriteText(string text, string name, HtmlReportOptions? options = null, RunOptions? run = null)
    {
        string scenario = Path.Combine(Repo.Artifacts, name + ".mmu");
        File.WriteAllText(scenario, text);
        var (path, page, _) = Write(scenario, name, options, run);
        return (path, page);
    }
}
