using System.Text;
using MmuDsl.Mmu;
using MmuDsl.Mmu.Algorithms;

namespace MmuDsl.Explore;

/// <summary>
/// Writes a finding as a .mmu scenario that <c>mmudsl run</c> reproduces: the shape, the
/// operations, and expectations that hold under the first algorithm and fail under the second (or
/// <c>expect invariants</c> where an invariant broke), so the run exits 1.
/// </summary>
public static class ReproWriter
{
    /// <summary>The scenario text.</summary>
    public static string Write(Finding finding, UnsyncWalkAlgorithm first, UnsyncWalkAlgorithm second, (string First, string Second)? references = null)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var sb = new StringBuilder();
        sb.Append("# mmudsl explore: ").Append(Title(finding.Class)).Append(", ").Append(first.Name).Append(" against ").Append(second.Name).Append('\n');
        sb.Append("# ").Append(finding.Description.Replace('\n', ' ')).Append('\n');
        sb.Append(finding.Class == FindingClass.AlgorithmFailed
            ? "# Reproduce with `mmudsl run FILE`: the algorithm fails at the last statement (exit code 2).\n"
            : "# Reproduce with `mmudsl run FILE`: the expectations at the end fail (exit code 1).\n");
        var (firstRef, secondRef) = references ?? (first.Name, second.Name);
        sb.Append("algorithms ").Append(firstRef).Append(' ').Append(secondRef).Append('\n');
        if (finding.Capacity != ShadowMmu.DefaultBatchCapacity)
        {
            sb.Append("set pvec ").Append(finding.Capacity).Append('\n');
        }

        foreach (var statement in finding.Shape.Statements())
        {
            sb.Append(statement).Append('\n');
        }

        foreach (var op in finding.Operations)
        {
            sb.Append(op.ToStatement(finding.Shape)).Append('\n');
        }

        // One expect statement: the repro stays a handful of statements.
        var pair = Explorer.Replay(finding.Shape, finding.Capacity, finding.Operations, first, second);
        var conditions = Expectations(finding, pair).ToList();
        if (finding.Class == FindingClass.InvariantViolation)
        {
            foreach (var c in conditions)
            {
                sb.Append(c).Append('\n');
            }
        }
        else if (conditions.Count > 0)
        {
            sb.Append("expect ").Append(string.Join(" && ", conditions.Select(c => c["expect ".Length..]))).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>The class as a phrase.</summary>
    public static string Title(FindingClass c) => c switch
    {
        FindingClass.InvariantViolation => "invariant violation",
        FindingClass.SemanticDivergence => "semantic divergence with no interrupted sync",
        FindingClass.SemanticDivergenceAfterInterrupt => "semantic divergence after an interrupted sync",
        FindingClass.SemanticDivergenceAfterYield => "semantic divergence after a yielding sync",
        FindingClass.MetadataAllowed => "metadata-only difference (allowed: stale bits)",
        FindingClass.MetadataNotAllowed => "metadata-only difference (not allowed: a missing bit)",
        _ => "algorithm failed (threw, or stopped by a budget)",
    };

    private static IEnumerable<string> Expectations(Finding finding, EnginePair pair)
    {
        if (finding.Class == FindingClass.InvariantViolation)
        {
            yield return "expect invariants";
            if (pair.First.Warnings.Count > 0 || pair.Second.Warnings.Count > 0)
            {
                yield return "expect stat.warnings == 0";
            }

            yield break;
        }

        var a = pair.FirstPages;
        var b = pair.SecondPages;
        bool semantic = finding.Class is FindingClass.SemanticDivergence or FindingClass.SemanticDivergenceAfterInterrupt or FindingClass.SemanticDivergenceAfterYield;
        for (int i = 0; i < a.Length; i++)
        {
            var p = a[i];
            var q = b[i];
            if (semantic)
            {
                if (p.Unsync != q.Unsync)
                {
                    yield return $"expect {(p.Unsync ? string.Empty : "!")}{p.Name}.unsync";
                }

                if (p.Zapped != q.Zapped)
                {
                    yield return $"expect {(p.Zapped ? string.Empty : "!")}{p.Name}.zapped";
                }

                if (p.Syncs != q.Syncs)
                {
                    yield return $"expect {p.Name}.syncs == {p.Syncs}";
                }
            }
            else if (p.UnsyncChildBitmap != q.UnsyncChildBitmap || p.UnsyncChildren != q.UnsyncChildren)
            {
                yield return $"expect {p.Name}.bitmap == {p.UnsyncChildBitmap} && {p.Name}.unsync_children == {p.UnsyncChildren}";
            }
        }

        if (semantic && pair.First.Stats.Unsync != pair.Second.Stats.Unsync)
        {
            yield return $"expect stat.unsync == {pair.First.Stats.Unsync}";
        }
    }
}
