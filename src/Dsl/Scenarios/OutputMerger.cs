using System.Text;
using MmuDsl.Dsl.Runtime;

namespace MmuDsl.Dsl.Scenarios;

/// <summary>
/// Merges the outputs of the runs of one scenario: chunk by chunk, a chunk every algorithm printed
/// alike is printed once; one that differs is printed as sections headed <c>@legacy</c>,
/// <c>@recursive</c> (the golden-block format). Where the runs stop printing the same statements
/// (a qualified statement, an error), the rest of each run follows under its own header. This is
/// output for reading: unlike a golden block (GoldenExpectation), it does not escape output lines
/// that begin with '@'. <see cref="LiveOutput"/> writes the same text as it is produced.
/// </summary>
public static class OutputMerger
{
    /// <summary>The merged output.</summary>
    public static string Merge(IReadOnlyList<AlgorithmRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var sb = new StringBuilder();
        if (runs.Count == 0)
        {
            return string.Empty;
        }

        if (runs.Count == 1)
        {
            foreach (var c in runs[0].Output)
            {
                sb.Append(c.Text);
            }

            return sb.ToString();
        }

        int n = 0;
        while (true)
        {
            bool allHave = runs.All(r => n < r.Output.Count);
            if (!allHave || !runs.All(r => ReferenceEquals(r.Output[n].Statement, runs[0].Output[n].Statement)))
            {
                break;
            }

            var text = runs[0].Output[n].Text;
            if (runs.All(r => r.Output[n].Text == text))
            {
                sb.Append(text);
            }
            else
            {
                foreach (var r in runs)
                {
                    sb.Append('@').Append(r.Algorithm).Append('\n').Append(r.Output[n].Text);
                }
            }

            n++;
        }

        if (runs.Any(r => n < r.Output.Count))
        {
            foreach (var r in runs)
            {
                sb.Append('@').Append(r.Algorithm).Append(" (from here on)\n");
                for (int i = n; i < r.Output.Count; i++)
                {
                    sb.Append(r.Output[i].Text);
                }
            }
        }

        return sb.ToString();
    }
}
