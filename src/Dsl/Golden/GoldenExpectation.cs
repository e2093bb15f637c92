using System.Text;

namespace MmuDsl.Dsl.Golden;

/// <summary>
/// What a golden block expects: one text for every algorithm that runs its statement, or one
/// section per algorithm, each headed by a line <c>@NAME</c> (NAME an identifier: <c>@legacy</c>,
/// <c>@recursive</c>, any algorithm's name) in the order the algorithms run. Texts are held with LF
/// line ends; the file's own line ends are restored when a block is rewritten.
/// <para>
/// Escaping (read this before changing the format): output lines are never taken for headers,
/// because every output line that begins with <c>@</c> is written with one more <c>@</c> in front
/// (<c>@legacy</c> printed by <c>echo</c> is the block line <c>@@legacy</c>; <c>@@x</c> is
/// <c>@@@x</c>). So in a block, a line <c>@NAME</c> is always a header, <c>@@...</c> is always an
/// output line (one <c>@</c> removed), and any other line beginning with <c>@</c> is a problem.
/// Which sections may stand in a block is the runner's rule (ScenarioRunner.JudgeGoldenBlocks:
/// only the algorithms that ran the statement). Tests: tests/Dsl.Tests/Hardening/GoldenSectionTests.cs.
/// </para>
/// </summary>
public sealed class GoldenExpectation
{
    private readonly Dictionary<string, GoldenSection> _sections;

    private GoldenExpectation(string? common, List<GoldenSection> sections, List<GoldenSectionProblem> problems)
    {
        Common = common;
        Sections = sections;
        Problems = problems;
        _sections = new Dictionary<string, GoldenSection>(StringComparer.Ordinal);
        foreach (var s in sections)
        {
            _sections.TryAdd(s.Algorithm, s);
        }
    }

    /// <summary>The text every algorithm must print, when the block has no sections.</summary>
    public string? Common { get; }

    /// <summary>True when the block has per-algorithm sections.</summary>
    public bool HasSections => Sections.Count > 0;

    /// <summary>The sections, in block order (a name written twice is a problem, and its first section counts).</summary>
    public IReadOnlyList<GoldenSection> Sections { get; }

    /// <summary>The algorithms that have a section, in block order.</summary>
    public IEnumerable<string> SectionAlgorithms => _sections.Keys;

    /// <summary>Lines that cannot be read (a stray <c>@</c> line, text before the first header, a section written twice).</summary>
    public IReadOnlyList<GoldenSectionProblem> Problems { get; }

    /// <summary>Reads a block's raw content (the lines between its delimiters, line breaks as written).</summary>
    public static GoldenExpectation Parse(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var lines = RawLines(content);
        var sections = new List<GoldenSection>();
        var problems = new List<GoldenSectionProblem>();
        var common = new StringBuilder();
        var body = new StringBuilder();
        (string Name, int Line, int Offset, int Length)? current = null;
        bool textBeforeHeader = false;
        for (int i = 0; i < lines.Count; i++)
        {
            var (offset, line) = lines[i];
            if (IsHeader(line))
            {
                if (current is { } c)
                {
                    sections.Add(new GoldenSection(c.Name, c.Line, c.Offset, c.Length, body.ToString()));
                }
                else if (textBeforeHeader)
                {
                    problems.Add(new GoldenSectionProblem(i, offset, line.Length, $"section header '{line}' after output lines: in a block with sections, every output line belongs to the section above it"));
                }

                string name = line[1..];
                if (sections.Any(s => s.Algorithm == name))
                {
                    problems.Add(new GoldenSectionProblem(i, offset, line.Length, $"a second section for '{name}': a block holds one section per algorithm"));
                }

                current = (name, i, offset, line.Length);
                body.Clear();
                continue;
            }

            string text;
            if (line.StartsWith("@@", StringComparison.Ordinal))
            {
                text = line[1..];
            }
            else if (line.StartsWith('@'))
            {
                problems.Add(new GoldenSectionProblem(i, offset, line.Length, $"'{Shorten(line)}' is neither a section header '@NAME' nor an output line: output that begins with '@' is written with one more '@' ('@{Shorten(line)}')"));
                text = line;
            }
            else
            {
                text = line;
            }

            if (current == null)
            {
                textBeforeHeader = true;
                common.Append(text).Append('\n');
            }
            else
            {
                body.Append(text).Append('\n');
            }
        }

        if (current is { } last)
        {
            sections.Add(new GoldenSection(last.Name, last.Line, last.Offset, last.Length, body.ToString()));
            return new GoldenExpectation(null, sections, problems);
        }

        return new GoldenExpectation(common.ToString(), sections, problems);
    }

    /// <summary>The text <paramref name="algorithm"/> must print, or null if the block has sections and none for it.</summary>
    public string? ExpectedFor(string algorithm) =>
        HasSections ? _sections.GetValueOrDefault(algorithm)?.Text : Common;

    /// <summary>
    /// The block content (LF line ends) for what each algorithm in <paramref name="actual"/> printed,
    /// and the texts to keep for algorithms that did not run this time (<paramref name="kept"/>):
    /// one text when all of them are the same, else one section per algorithm in
    /// <paramref name="order"/>. Output lines that begin with '@' are escaped.
    /// </summary>
    public static string Format(IReadOnlyDictionary<string, string> actual, IReadOnlyList<string> order, IReadOnlyDictionary<string, string>? kept = null)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(order);
        var texts = new List<(string Algorithm, string Text)>();
        foreach (var algorithm in order)
        {
            if (actual.TryGetValue(algorithm, out var text) || (kept != null && kept.TryGetValue(algorithm, out text)))
            {
                texts.Add((algorithm, text));
            }
        }

        if (texts.Count == 0)
        {
            return string.Empty;
        }

        if (texts.All(t => t.Text == texts[0].Text))
        {
            return Escape(texts[0].Text);
        }

        var sb = new StringBuilder();
        foreach (var (algorithm, text) in texts)
        {
            sb.Append('@').Append(algorithm).Append('\n').Append(Escape(text));
        }

        return sb.ToString();
    }

    /// <summary>Output as a block holds it: every line that begins with '@' gets one more '@' in front.</summary>
    public static string Escape(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!output.StartsWith('@') && !output.Contains("\n@", StringComparison.Ordinal))
        {
            return output;
        }

        var sb = new StringBuilder(output.Length + 8);
        bool lineStart = true;
        foreach (char c in output)
        {
            if (lineStart && c == '@')
            {
                sb.Append('@');
            }

            sb.Append(c);
            lineStart = c == '\n';
        }

        return sb.ToString();
    }

    private static bool IsHeader(string line)
    {
        if (line.Length < 2 || line[0] != '@' || !(char.IsAsciiLetter(line[1]) || line[1] == '_'))
        {
            return false;
        }

        for (int i = 2; i < line.Length; i++)
        {
            if (!(char.IsAsciiLetterOrDigit(line[i]) || line[i] == '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static string Shorten(string line) => line.Length > 40 ? line[..37] + "..." : line;

    // The lines of the raw content: where each starts, and its text without "\r\n" or "\n".
    private static List<(int Offset, string Text)> RawLines(string content)
    {
        var lines = new List<(int, string)>();
        int start = 0;
        while (start < content.Length)
        {
            int nl = content.IndexOf('\n', start);
            int end = nl < 0 ? content.Length : nl;
            int textEnd = end > start && content[end - 1] == '\r' ? end - 1 : end;
            lines.Add((start, content[start..textEnd]));
            start = nl < 0 ? content.Length : nl + 1;
        }

        return lines;
    }
}
