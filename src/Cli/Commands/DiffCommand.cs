using System.CommandLine;
using System.Text;
using MmuDsl.Cli.Reports;
using MmuDsl.Dsl.Scenarios;
using MmuDsl.Html;
using MmuDsl.Mmu;

namespace MmuDsl.Cli.Commands;

/// <summary>
/// <c>mmudsl diff FILE</c>: runs a scenario under two algorithms (legacy and recursive unless named)
/// and shows, statement by statement, where the engine state first differs: the semantic state
/// (unsync pages, synced counts, zapped pages, stat.unsync), the metadata (each page's bitmap and
/// count) and the work (walks, visits), or says that it never does.
/// </summary>
internal static class DiffCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, CliEnvironment env)
    {
        var common = new CommonOptions("text", "html");
        var html = new HtmlOptions();
        var file = new Argument<string>("FILE") { Description = "The scenario (.mmu) to run under both algorithms" };
        var command = new Command("diff", "Run a scenario under two algorithms and show where their engine states first differ (or that they never do). Exit 0 when the semantic states agree after every statement, 1 when they do not, 2 when the scenario cannot run.");
        command.Add(file);
        common.AddTo(command);
        html.AddTo(command, common.Format);
        command.SetAction(parse =>
        {
            var options = common.ToRunOptions(parse);
            var paint = common.Paint(parse, env);
            var algorithms = options.Algorithms ?? ["legacy", "recursive"];
            if (algorithms.Count != 2)
            {
                stderr.WriteLine("mmudsl: error: diff compares exactly two algorithms (e.g. -a legacy -a recursive)");
                return 2;
            }

            string path = parse.GetValue(file)!;
            if (parse.GetValue(common.Format) == "html")
            {
                return DiffHtml(path, options with { Algorithms = algorithms, TraceAll = false }, html.ToReportOptions(parse, diff: true), parse.GetValue(html.Output), stdout, stderr, paint);
            }

            var result = ScenarioRunner.RunFile(path, options with { Algorithms = algorithms, TraceAll = false }, recordSteps: true);
            if (result.Errors.Count > 0)
            {
                TextReport.WriteProblems(result, stderr, paint);
                return 2;
            }

            if (result.Runs.Count != 2)
            {
                stderr.WriteLine($"{path}: the scenario does not run under both {algorithms[0]} and {algorithms[1]} (its 'algorithms' statement narrows it)");
                return 2;
            }

            var report = Compare(result, paint, out bool semanticDiffers);
            stdout.Write(report);
            return semanticDiffers ? 1 : 0;
        });
        return command;
    }

    // The same comparison as a page: both runs side by side, opened at the first difference.
    private static int DiffHtml(string path, Dsl.Runtime.RunOptions options, HtmlReportOptions report, string? output, TextWriter stdout, TextWriter stderr, Paint paint)
    {
        var run = HtmlReport.Run(path, options);
        if (run.Result.Errors.Count > 0)
        {
            TextReport.WriteProblems(run.Result, stderr, paint);
            return 2;
        }

        if (run.Result.Runs.Count != 2)
        {
            stderr.WriteLine($"{path}: the scenario does not run under both {options.Algorithms![0]} and {options.Algorithms[1]} (its 'algorithms' statement narrows it)");
            return 2;
        }

        var page = HtmlReport.Render(run, report);
        HtmlReportFiles.Targets([path], output, out var targets);
        if (HtmlReportFiles.Write(page, targets[0], stdout) is { } error)
        {
            stderr.WriteLine($"mmudsl: error: {error}");
            return 2;
        }

        if (targets[0] != null)
        {
            stderr.WriteLine(HtmlReportFiles.Written(targets[0]!, page));
        }

        return page.SemanticDiffers ? 1 : 0;
    }

    internal static string Compare(ScenarioResult result, Paint paint, out bool semanticDiffers)
    {
        var a = result.Runs[0];
        var b = result.Runs[1];
        var sa = a.Steps!;
        var sb = b.Steps!;
        var text = new StringBuilder();
        text.Append(paint.Bold($"{result.Path}: {a.Algorithm} vs {b.Algorithm}")).Append('\n');
        semanticDiffers = false;
        bool metadataSeen = false;
        bool workSeen = false;
        int common = 0;
        const int MaxListed = 400;
        while (common < sa.Count && common < sb.Count && ReferenceEquals(sa[common].Statement, sb[common].Statement))
        {
            var (statement, x) = sa[common];
            var y = sb[common].State;
            string? semantic = x.FirstSemanticDifference(y);
            var metadata = MetadataDifferences(x, y, a.Algorithm, b.Algorithm);
            string? work = WorkDifference(x.Stats, y.Stats, a.Algorithm, b.Algorithm);
            string where = $"{statement.Span.Path}:{statement.Span.Line}:{statement.Span.Column}";
            string source = SourceLine(result, statement);
            if (semantic != null && !semanticDiffers)
            {
                semanticDiffers = true;
                text.Append(paint.Red($"first semantic difference after {where}: {source}")).Append('\n');
                text.Append("  ").Append(semantic).Append(" (").Append(a.Algorithm).Append(" against ").Append(b.Algorithm).Append(")\n");
            }

            if (metadata.Count > 0 && !metadataSeen)
            {
                metadataSeen = true;
                text.Append(paint.Yellow($"first metadata difference after {where}: {source}")).Append('\n');
                foreach (var line in metadata)
                {
                    text.Append("  ").Append(line).Append('\n');
                }
            }

            if (work != null && !workSeen)
            {
                workSeen = true;
                text.Append($"first difference in work after {where}: {source}\n  {work}\n");
            }

            common++;
        }

        if (common < sa.Count || common < sb.Count)
        {
            text.Append($"the runs stop executing the same statements after step {common} (a statement qualified with @{a.Algorithm} or @{b.Algorithm}, or an error)\n");
        }

        if (!semanticDiffers)
        {
            text.Append(paint.Green("semantic state (unsync pages, syncs per page, zapped pages, stat.unsync): never differs")).Append('\n');
        }

        if (!metadataSeen)
        {
            text.Append("metadata (every page's bitmap and unsync_children): never differs\n");
        }

        if (!workSeen)
        {
            text.Append("work (stat.walks, stat.visits): never differs\n");
        }

        // The per-statement table: only the statements after which something differs.
        text.Append("statement by statement:\n");
        int unlistedDiffering = 0;
        for (int i = 0; i < common; i++)
        {
            var (statement, x) = sa[i];
            var y = sb[i].State;
            var kinds = new List<string>();
            if (x.FirstSemanticDifference(y) != null)
            {
                kinds.Add("semantic");
            }

            if (MetadataDifferences(x, y, a.Algorithm, b.Algorithm).Count > 0)
            {
                kinds.Add("metadata");
            }

            if (WorkDifference(x.Stats, y.Stats, a.Algorithm, b.Algorithm) != null)
            {
                kinds.Add("work");
            }

            string mark = kinds.Count == 0 ? "same" : "differs: " + string.Join(", ", kinds);
            if (i < MaxListed)
            {
                text.Append($"  {statement.Span.Line,4}:{statement.Span.Column,-3} {SourceLine(result, statement),-40} {mark}\n");
            }
            else if (kinds.Count > 0)
            {
                unlistedDiffering++;
            }
        }

        if (common > MaxListed)
        {
            text.Append($"  ... {common - MaxListed} more statements executed, {unlistedDiffering} of them with a difference\n");
        }

        if (common > 0)
        {
            var last = sa[common - 1].State;
            var lastB = sb[common - 1].State;
            text.Append("final state: ");
            text.Append(last.FirstSemanticDifference(lastB) == null ? "the semantic states agree" : "the semantic states DIFFER");
            var md = MetadataDifferences(last, lastB, a.Algorithm, b.Algorithm);
            text.Append(md.Count == 0 ? "; the metadata agrees" : $"; the metadata differs in {md.Count} place{(md.Count == 1 ? string.Empty : "s")}");
            text.Append($"; work: walks {last.Stats.Walks} against {lastB.Stats.Walks}, visits {last.Stats.Visits} against {lastB.Stats.Visits}\n");
        }

        return text.ToString();
    }

    private static List<string> MetadataDifferences(MmuSnapshot x, MmuSnapshot y, string an, string bn)
    {
        var lines = new List<string>();
        int n = Math.Min(x.Pages.Length, y.Pages.Length);
        for (int i = 0; i < n; i++)
        {
            var p = x.Pages[i];
            var q = y.Pages[i];
            if (p.Bitmap != q.Bitmap || p.UnsyncChildren != q.UnsyncChildren)
            {
                lines.Add($"{p.Name}: unsync_children={p.UnsyncChildren} bitmap={p.Bitmap} ({an}) against unsync_children={q.UnsyncChildren} bitmap={q.Bitmap} ({bn})");
            }
        }

        return lines;
    }

    private static string? WorkDifference(MmuStatsSnapshot x, MmuStatsSnapshot y, string an, string bn) =>
        x.Walks == y.Walks && x.Visits == y.Visits
            ? null
            : $"stat.walks {x.Walks} / stat.visits {x.Visits} ({an}) against {y.Walks} / {y.Visits} ({bn})";

    private static string SourceLine(ScenarioResult result, Dsl.Syntax.Statement statement)
    {
        if (!result.Sources.TryGetValue(statement.Span.Path, out var source))
        {
            return string.Empty;
        }

        int start = Math.Clamp(statement.Span.Start, 0, source.Length);
        int end = source.IndexOf('\n', start);
        string line = (end < 0 ? source[start..] : source[start..end]).TrimEnd('\r').Trim();
        return line.Length > 60 ? line[..57] + "..." : line;
    }
}
