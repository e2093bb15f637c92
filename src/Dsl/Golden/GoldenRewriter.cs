using System.Text;

namespace MmuDsl.Dsl.Golden;

/// <summary>
/// <c>--rewrite</c>: writes the actual output of a run into its golden blocks, and nothing else.
/// Every byte outside the blocks' contents stays (comments, blank lines, <c>expect</c> lines, line
/// ends: a CRLF file gets CRLF blocks; the bytes are spliced, not re-encoded). A file changes only
/// when a block's text changes, so a second rewrite changes nothing; it is written to a temporary
/// file and renamed over the original (<see cref="RewriteFile"/>). A run that stopped on an error
/// is never rewritten.
/// </summary>
public static class GoldenRewriter
{
    /// <summary>
    /// Computes the new texts of the files whose blocks differ or have problems. Returns nothing
    /// when parsing or a run stopped on an error (<see cref="IGoldenRun.StoppedOnError"/>).
    /// </summary>
    public static IReadOnlyList<FileRewrite> Plan(IGoldenRun result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.StoppedOnError)
        {
            return [];
        }

        var plans = new List<FileRewrite>();
        foreach (var group in result.GoldenBlocks.GroupBy(b => b.File.Path, StringComparer.Ordinal))
        {
            string path = group.Key;
            if (!result.Sources.TryGetValue(path, out var source))
            {
                continue;
            }

            var edits = new List<(int Start, int End, string Text, int Line)>();
            foreach (var block in group)
            {
                // A block that holds is left exactly as it is (it may hold sections that agree).
                if ((block.Actual.Count == 0 && block.Problems.Count == 0) || block.Holds)
                {
                    continue;
                }

                var golden = block.Statement.Golden!;
                string newContent = GoldenExpectation.Format(block.Actual, [.. result.Algorithms, .. block.Unchecked.Keys], block.Unchecked);
                string oldContent = golden.Text.Replace("\r\n", "\n", StringComparison.Ordinal);
                if (newContent == oldContent)
                {
                    continue;
                }

                string newline = UsesCrlf(source, golden.Content.Start) ? "\r\n" : "\n";
                edits.Add((golden.Content.Start, golden.Content.End, newContent.Replace("\n", newline, StringComparison.Ordinal), block.Statement.Span.Line));
            }

            if (edits.Count == 0)
            {
                continue;
            }

            var sb = new StringBuilder(source.Length + 256);
            int at = 0;
            var ordered = edits.OrderBy(e => e.Start).ToList();
            foreach (var (start, end, text, _) in ordered)
            {
                sb.Append(source, at, start - at).Append(text);
                at = end;
            }

            sb.Append(source, at, source.Length - at);
            plans.Add(new FileRewrite(path, sb.ToString(), edits.Select(e => e.Line).Order().ToList())
            {
                OldText = source,
                Edits = [.. ordered.Select(e => new TextEdit(e.Start, e.End, e.Text))],
            });
        }

        return plans;
    }

    /// <summary>
    /// Writes a planned rewrite (see <see cref="RewriteFile"/>): never throws for a file that cannot
    /// be written, it says why in the outcome.
    /// </summary>
    public static RewriteOutcome Apply(FileRewrite rewrite) => RewriteFile.Apply(rewrite);

    // The opening delimiter's line end decides: a CRLF file keeps CRLF blocks.
    private static bool UsesCrlf(string source, int contentStart) =>
        contentStart >= 2 && source[contentStart - 1] == '\n' && source[contentStart - 2] == '\r';
}
