using System.Diagnostics;
using System.Globalization;
using System.Text;
using MmuDsl.Dsl.Runtime;
using MmuDsl.Dsl.Scenarios;
using MmuDsl.Html;
using MmuDsl.Html.Building;
using MmuDsl.Html.Writing;
using MmuDsl.Mmu.Bench.Harness;

namespace MmuDsl.Mmu.Bench.Benchmarks;

/// <summary>
/// <c>html</c>: how long <c>mmudsl run --format html</c> takes to write the report of (a) the parse
/// benchmark's generated 100,000-line scenario (goal: under 5 s) and (b) a scenario of 10,001
/// pages (a root, 16 level-3 pages, 256 level-2 pages, 9,728 leaves, 40 of them synced), phase by
/// phase: the run with every step recorded, the model (frames, differences, MSAGL layouts), the
/// page, and the file. The plain run (what <c>mmudsl run</c> does) is timed beside it. Medians of
/// several rounds after one warm-up round. A report that fails to build is a FAIL (exit 1).
/// </summary>
internal sealed class HtmlBenchmark : IBenchmark
{
    private const double GoalSeconds = 5.0;

    public string Name => "html";

    public string Summary => "mmudsl run --format html of the 100,000-line parse scenario (goal: under 5 s) and of 10,001 pages, phase by phase";

    public int Run(IReadOnlyList<string> args, TextWriter output)
    {
        int runs = 3;
        int warmup = 1;
        if (!BenchArgs.TryParse(args, 1, ref runs, ref warmup, new Dictionary<string, Action<string>>(), out string error))
        {
            return BenchArgs.Refuse(error, "options: --runs N (rounds timed, default 3)  --warmup N (rounds before, default 1)");
        }

        var clock = Stopwatch.StartNew();
        var scenarios = new (string Name, string Path, string Text, string Goal)[]
        {
            ("parse-100k", "bench/parse-100k.mmu", ParseBenchmark.Generate(100_000).Text, $"< {GoalSeconds:0} s"),
            ("10k-pages", "bench/html-10k-pages.mmu", TenThousandPages(), string.Empty),
        };
        string folder = Directory.CreateTempSubdirectory("mmudsl-html-bench-").FullName;
        var failures = new List<string>();
        var table = new TextTable("<scenario", "lines", "pages", "steps", "frames", "MB", "run s", "record s", "model s", "page s", "write s", "total s", "cpu s", "<goal", "msagl");
        try
        {
            foreach (var (name, path, text, goal) in scenarios)
            {
                Progress($"{name}: {warmup} warm-up + {runs} timed rounds");
                var times = new List<double[]>();
                Round? last = null;
                for (int r = 0; r < warmup + runs; r++)
                {
                    last = Measure(path, text, Path.Combine(folder, name + ".html"), failures);
                    if (last == null)
                    {
                        break;
                    }

                    if (r >= warmup)
                    {
                        times.Add(last.Seconds);
                    }
                }

                if (last == null)
                {
                    continue;
                }

                double Median(int phase) => Stats.Median(times.Select(t => t[phase]).ToList());
                double total = Median(5);
                table.Add(
                    name, TextTable.Int(text.Count(c => c == '\n')), TextTable.Int(last.Page.Pages), TextTable.Int(last.Page.Steps), TextTable.Int(last.Page.Frames),
                    TextTable.Num(last.Page.Html.Length / 1e6), TextTable.Num(Median(0), 2), TextTable.Num(Median(1), 2), TextTable.Num(Median(2), 2),
                    TextTable.Num(Median(3), 2), TextTable.Num(Median(4), 2), TextTable.Num(total, 2), TextTable.Num(Median(6), 2),
                    goal.Length == 0 ? string.Empty : (total < GoalSeconds ? "met " : "MISSED ") + goal, TextTable.Int(last.MsaglRuns));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        output.WriteLine("MmuDsl benchmark: html (the report of mmudsl run --format html, written to a file)");
        output.WriteLine($"  machine : {BuildInfo.Machine()}");
        output.WriteLine($"  timing  : Stopwatch per phase, median of {runs} rounds after {warmup} warm-up round(s); both algorithms (legacy, recursive)");
        output.WriteLine("            run: ScenarioRunner.RunText alone (what `mmudsl run` does, for comparison; not in the total)");
        output.WriteLine("            record: the run with every step recorded (HtmlReport.RunText); model: frames, differences, layouts;");
        output.WriteLine("            page: the JSON and the HTML around it; write: the file, atomically. total = record + model + page + write;");
        output.WriteLine("            cpu: the process's CPU time over the same phases (all threads: the GC's too), a figure that load on the machine moves less");
        output.WriteLine();
        table.WriteTo(output);
        output.WriteLine();
        ChecksFooter.Write(output, failures, ["Checks: every report built, and its page holds every step."], clock.Elapsed);
        return failures.Count == 0 ? 0 : 1;
    }

    private static Round? Measure(string path, string text, string target, List<string> failures)
    {
        var seconds = new double[7];
        var options = RunOptions.Default;
        using var process = Process.GetCurrentProcess();
        var t = Stopwatch.StartNew();
        var plain = ScenarioRunner.RunText(path, text, options);
        seconds[0] = t.Elapsed.TotalSeconds;
        if (plain.Errors.Count > 0)
        {
            failures.Add($"{path} does not run: {plain.Errors[0]}");
            return null;
        }

        GC.Collect();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        t.Restart();
        var run = HtmlReport.RunText(path, text, options);
        seconds[1] = t.Elapsed.TotalSeconds;
        t.Restart();
        var model = ReportBuilder.Build(run.Result, run.Recorders, HtmlReportOptions.Default);
        seconds[2] = t.Elapsed.TotalSeconds;
        t.Restart();
        var html = ReportHtml.Render(model);
        seconds[3] = t.Elapsed.TotalSeconds;
        t.Restart();
        HtmlReport.WriteFile(target, html);
        seconds[4] = t.Elapsed.TotalSeconds;
        seconds[5] = seconds[1] + seconds[2] + seconds[3] + seconds[4];
        process.Refresh();
        seconds[6] = (process.TotalProcessorTime - cpu).TotalSeconds;
        int recorded = run.Recorders.Max(r => r.Statements.Count);
        if (model.Steps.Count < recorded)
        {
            failures.Add($"{path}: {model.Steps.Count} steps in the report, {recorded} recorded");
        }

        var page = new HtmlReportPage(html, model.Steps.Count, model.FrameCount, model.Pages.Count, model.Large, false, model.Algorithms);
        return new Round(seconds, page, model.MsaglRuns);
    }

    /// <summary>A root, 16 level-3 pages, 256 level-2 pages, 38 leaves under each (a leaf spte each): 10,001 pages; 40 unsync, synced in two.</summary>
    private static string TenThousandPages()
    {
        var sb = new StringBuilder();
        sb.Append("root R level 4\n");
        sb.Append("for a in 0..16 {\n  page A$a level 3\n  link R[$a] -> A$a\n");
        sb.Append("  for b in 0..16 {\n    let m = $a * 16 + $b\n    page B$m level 2\n    link A$a[$b] -> B$m\n");
        sb.Append("    for c in 0..38 {\n      page L${$m * 38 + $c} level 1\n      link B$m[$c] -> L${$m * 38 + $c}\n      map L${$m * 38 + $c}[0]\n    }\n  }\n}\n");
        sb.Append("for i in 0..40 {\n  unsync L${$i * 241}\n}\n");
        sb.Append("sync R interrupt-after 1\nsync R\nexpect stat.unsync == 0\nexpect invariants\n");
        return sb.ToString();
    }

    private static void Progress(string message) => Console.Error.WriteLine("  .. " + message);

    private sealed record Round(double[] Seconds, HtmlReportPage Page, int MsaglRuns);
}
