using MmuDsl.Cli.Reports;
using MmuDsl.Explore;
using MmuDsl.Dsl.Runtime;
using MmuDsl.Html;

namespace MmuDsl.Cli.Commands;

/// <summary><c>explore --html</c>: an HTML report beside each repro written (<c>x.mmu</c> gets <c>x.html</c>).</summary>
internal static class ExploreHtml
{
    public static IReadOnlyDictionary<FindingClass, ExploreRepro> WriteAll(IReadOnlyDictionary<FindingClass, ExploreRepro> repros)
    {
        var withReports = new Dictionary<FindingClass, ExploreRepro>();
        foreach (var (cls, repro) in repros)
        {
            if (repro.Error != null)
            {
                withReports[cls] = repro;
                continue;
            }

            // The repro's `algorithms` line names the two algorithms (a mutant or a plug-in too).
            var run = HtmlReport.Run(repro.Path, RunOptions.Default);
            string target = Path.ChangeExtension(repro.Path, ".html");
            string? error = run.HasSteps
                ? HtmlReportFiles.Write(HtmlReport.Render(run, HtmlReportOptions.Default), target, TextWriter.Null)
                : $"the repro did not run: {string.Join("; ", run.Result.Errors.Select(e => e.Render().Split('\n')[0]))}";
            withReports[cls] = error == null ? repro with { Report = target } : repro with { ReportError = error };
        }

        return withReports;
    }
}
