using System.Collections.Immutable;

namespace MmuDsl.Mmu.Events;

/// <summary>
/// One <c>mmu_unsync_walk</c> of <paramref name="Root"/>: its result (leaves found, or
/// <see cref="ShadowMmu.Enospc"/> when the batch filled), the batch it left, and the bitmap
/// entries it examined, in order. What the walk did on its way (bits it cleared, warnings) is
/// reported right after this event, in the order it happened, so that a trace reads: the walk,
/// then what it cleared.
/// </summary>
public sealed record WalkFinished(ShadowPage Root, int Result, ImmutableArray<BatchEntry> Batch, ImmutableArray<WalkVisit> Visits) : MmuEvent
{
    /// <inheritdoc/>
    public override string Describe()
    {
        string result = Result == ShadowMmu.Enospc ? "-ENOSPC" : Result.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string text = $"mmu_unsync_walk {Root.Name} = {result}";
        if (!Batch.IsEmpty)
        {
            text += $" pvec=[{string.Join(" ", Batch.Select(e => e.ToString()))}]";
        }

        if (!Visits.IsEmpty)
        {
            text += " visited " + DescribeVisits(Visits);
        }

        return text;
    }

    /// <summary>
    /// The visits in order, the consecutive ones of one page together and runs of three or more
    /// adjacent bits as a range: <c>R[0] P3[0] P2[0..12] R[4,9]</c>.
    /// </summary>
    public static string DescribeVisits(ImmutableArray<WalkVisit> visits)
    {
        var sb = new System.Text.StringBuilder();
        for (int start = 0; start < visits.Length;)
        {
            var page = visits[start].Page;
            int end = start;
            while (end + 1 < visits.Length && visits[end + 1].Page == page)
            {
                end++;
            }

            sb.Append(sb.Length == 0 ? string.Empty : " ").Append(page.Name).Append('[');
            for (int i = start; i <= end;)
            {
                int run = i;
                while (run + 1 <= end && visits[run + 1].Index == visits[run].Index + 1)
                {
                    run++;
                }

                sb.Append(i == start ? string.Empty : ",");
                sb.Append(visits[i].Index.ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (run - i >= 2)
                {
                    sb.Append("..").Append(visits[run].Index.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    i = run + 1;
                }
                else
                {
                    i++;
                }
            }

            sb.Append(']');
            start = end + 1;
        }

        return sb.ToString();
    }
}
