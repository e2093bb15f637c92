using MmuDsl.Dsl.Syntax;
using MmuDsl.Mmu;

namespace MmuDsl.Dsl.Scenarios;

/// <summary>
/// What <c>mmudsl diff</c> reports, as a value: a scenario run under two algorithms (with steps
/// recorded), compared statement by statement for as long as both ran the same statements. The
/// command line only renders it; an editor or a report can render it otherwise.
/// </summary>
public sealed class RunComparison
{
    private RunComparison(string path, string first, string second, IReadOnlyList<StatementComparison> steps, bool runsPart, MmuSnapshot? finalFirst, MmuSnapshot? finalSecond)
    {
        Path = path;
        First = first;
        Second = second;
        Steps = steps;
        RunsPart = runsPart;
        FinalFirst = finalFirst;
        FinalSecond = finalSecond;
    }

    /// <summary>The scenario's path.</summary>
    public string Path { get; }

    /// <summary>The first algorithm's name.</summary>
    public string First { get; }

    /// <summary>The second algorithm's name.</summary>
    public string Second { get; }

    /// <summary>One comparison per statement both runs executed, in execution order.</summary>
    public IReadOnlyList<StatementComparison> Steps { get; }

    /// <summary>True when the runs stop executing the same statements (a qualified statement, or an error) before either ends.</summary>
    public bool RunsPart { get; }

    /// <summary>The first algorithm's state after the last common statement, or null when there was none.</summary>
    public MmuSnapshot? FinalFirst { get; }

    /// <summary>The second algorithm's state after the last common statement, or null when there was none.</summary>
    public MmuSnapshot? FinalSecond { get; }

    /// <summary>The first statement after which the semantic states differ, or null.</summary>
    public StatementComparison? FirstSemantic => Steps.FirstOrDefault(s => s.Semantic != null);

    /// <summary>The first statement after which the metadata differs, or null.</summary>
    public StatementComparison? FirstMetadata => Steps.FirstOrDefault(s => s.Metadata.Count > 0);

    /// <summary>The first statement after which the work differs, or null.</summary>
    public StatementComparison? FirstWork => Steps.FirstOrDefault(s => s.Work != null);

    /// <summary>True when the semantic states differ after some statement (the exit code 1 of <c>diff</c>).</summary>
    public bool SemanticDiffers => FirstSemantic != null;

    /// <summary>
    /// Compares the two runs of <paramref name="result"/>, which must have been run with steps
    /// recorded and hold exactly two runs.
    /// </summary>
    public static RunComparison Of(ScenarioResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Runs.Count != 2 || result.Runs[0].Steps == null || result.Runs[1].Steps == null)
        {
            throw new ArgumentException("a comparison needs exactly two runs with their steps recorded", nameof(result));
        }

        var a = result.Runs[0];
        var b = result.Runs[1];
        var sa = a.Steps!;
        var sb = b.Steps!;
        var steps = new List<StatementComparison>();
        int common = 0;
        while (common < sa.Count && common < sb.Count && ReferenceEquals(sa[common].Statement, sb[common].Statement))
        {
            var (statement, x) = sa[common];
            var y = sb[common].State;
            steps.Add(new StatementComparison(
                statement,
                SourceLine(result, statement),
                x.FirstSemanticDifference(y),
                MetadataDifferences(x, y, a.Algorithm, b.Algorithm),
                WorkDifference(x.Stats, y.Stats, a.Algorithm, b.Algorithm)));
            common++;
        }

        bool runsPart = common < sa.Count || common < sb.Count;
        return new RunComparison(result.Path, a.Algorithm, b.Algorithm, steps, runsPart, common > 0 ? sa[common - 1].State : null, common > 0 ? sb[common - 1].State : null);
    }

    /// <summary>One line per page whose bitmap or unsync_children differs between <paramref name="x"/> and <paramref name="y"/>.</summary>
    public static IReadOnlyList<string> MetadataDifferences(MmuSnapshot x, MmuSnapshot y, string firstName, string secondName)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var lines = new List<string>();
        int n = Math.Min(x.Pages.Length, y.Pages.Length);
        for (int i = 0; i < n; i++)
        {
            var p = x.Pages[i];
            var q = y.Pages[i];
            if (p.Bitmap != q.Bitmap || p.UnsyncChildren != q.UnsyncChildren)
            {
                lines.Add($"{p.Name}: unsync_children={p.UnsyncChildren} bitmap={p.Bitmap} ({firstName}) against unsync_children={q.UnsyncChildren} bitmap={q.Bitmap} ({secondName})");
            }
        }

        return lines;
    }

    private static string? WorkDifference(MmuStatsSnapshot x, MmuStatsSnapshot y, string firstName, string secondName) =>
        x.Walks == y.Walks && x.Visits == y.Visits
            ? null
            : $"stat.walks {x.Walks} / stat.visits {x.Visits} ({firstName}) against {y.Walks} / {y.Visits} ({secondName})";

    private static string SourceLine(ScenarioResult result, Statement statement)
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
