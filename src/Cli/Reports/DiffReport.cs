using System.Text;
using MmuDsl.Dsl.Scenarios;

namespace MmuDsl.Cli.Reports;

/// <summary><c>mmudsl diff</c>'s text: a <see cref="RunComparison"/>, the first differences, then statement by statement.</summary>
internal static class DiffReport
{
    // A scenario of a million statements lists the first ones and counts the rest.
    private const int MaxListed = 400;

    public static string Render(RunComparison comparison, Paint paint)
    {
        var text = new StringBuilder();
        string a = comparison.First;
        string b = comparison.Second;
        text.Append(paint.Bold($"{comparison.Path}: {a} vs {b}")).Append('\n');

        // The first difference of each kind, in the order they happened.
        var firstSemantic = comparison.FirstSemantic;
        var firstMetadata = comparison.FirstMetadata;
        var firstWork = comparison.FirstWork;
        foreach (var step in comparison.Steps)
        {
            if (step.Semantic != null && ReferenceEquals(step, firstSemantic))
            {
                text.Append(paint.Red($"first semantic difference after {step.Where}: {step.SourceLine}")).Append('\n');
                text.Append("  ").Append(step.Semantic).Append(" (").Append(a).Append(" against ").Append(b).Append(")\n");
            }

            if (step.Metadata.Count > 0 && ReferenceEquals(step, firstMetadata))
            {
                text.Append(paint.Yellow($"first metadata difference after {step.Where}: {step.SourceLine}")).Append('\n');
                foreach (var line in step.Metadata)
                {
                    text.Append("  ").Append(line).Append('\n');
                }
            }

            if (step.Work != null && ReferenceEquals(step, firstWork))
            {
                text.Append($"first difference in work after {step.Where}: {step.SourceLine}\n  {step.Work}\n");
            }
        }

        if (comparison.RunsPart)
        {
            text.Append($"the runs stop executing the same statements after step {comparison.Steps.Count} (a statement qualified with @{a} or @{b}, or an error)\n");
        }

        if (firstSemantic == null)
        {
            text.Append(paint.Green("semantic state (unsync pages, syncs per page, zapped pages, stat.unsync): never differs")).Append('\n');
        }

        if (firstMetadata == null)
        {
            text.Append("metadata (every page's bitmap and unsync_children): never differs\n");
        }

        if (firstWork == null)
        {
            text.Append("work (stat.walks, stat.visits): never differs\n");
        }

        // Only the statements after which something differs are marked.
        text.Append("statement by statement:\n");
        int unlistedDiffering = 0;
        for (int i = 0; i < comparison.Steps.Count; i++)
        {
            var step = comparison.Steps[i];
            var kinds = new List<string>();
            if (step.Semantic != null)
            {
                kinds.Add("semantic");
            }

            if (step.Metadata.Count > 0)
            {
                kinds.Add("metadata");
            }

            if (step.Work != null)
            {
                kinds.Add("work");
            }

            string mark = kinds.Count == 0 ? "same" : "differs: " + string.Join(", ", kinds);
            if (i < MaxListed)
            {
                text.Append($"  {step.Statement.Span.Line,4}:{step.Statement.Span.Column,-3} {step.SourceLine,-40} {mark}\n");
            }
            else if (kinds.Count > 0)
            {
                unlistedDiffering++;
            }
        }

        if (comparison.Steps.Count > MaxListed)
        {
            text.Append($"  ... {comparison.Steps.Count - MaxListed} more statements executed, {unlistedDiffering} of them with a difference\n");
        }

        if (comparison.FinalFirst is { } last && comparison.FinalSecond is { } lastB)
        {
            text.Append("final state: ");
            text.Append(last.FirstSemanticDifference(lastB) == null ? "the semantic states agree" : "the semantic states DIFFER");
            var md = RunComparison.MetadataDifferences(last, lastB, a, b);
            text.Append(md.Count == 0 ? "; the metadata agrees" : $"; the metadata differs in {md.Count} place{(md.Count == 1 ? string.Empty : "s")}");
            text.Append($"; work: walks {last.Stats.Walks} against {lastB.Stats.Walks}, visits {last.Stats.Visits} against {lastB.Stats.Visits}\n");
        }

        return text.ToString();
    }
}
