namespace MmuDsl.Dsl.Golden;

/// <summary>
/// What a golden block expects: one text for every algorithm, or one section per algorithm, each
/// headed by a line <c>@legacy</c> or <c>@recursive</c> (in the order the algorithms run). Texts are
/// held with LF line ends; the file's own line ends are restored when a block is rewritten.
/// </summary>
public sealed class GoldenExpectation
{
    private readonly Dictionary<string, string> _sections;

    private GoldenExpectation(string? common, Dictionary<string, string> sections)
    {
        Common = common;
        _sections = sections;
    }

    /// <summary>The text every algorithm must print, when the block has no sections.</summary>
    public string? Common { get; }

    /// <summary>True when the block has per-algorithm sections.</summary>
    public bool HasSections => _sections.Count > 0;

    /// <summary>The algorithms that have a section, in block order.</summary>
    public IEnumerable<string> SectionAlgorithms => _sections.Keys;

    /// <summary>
    /// Reads a block's content (the lines between its delimiters). A first line <c>@NAME</c>, NAME
    /// one of <paramref name="algorithms"/>, starts per-algorithm sections.
    /// </summary>
    public static GoldenExpectation Parse(string content, IReadOnlyCollection<string> algorithms)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(algorithms);
        string text = content.Replace("\r\n", "\n", StringComparison.Ordinal);
        var lines = SplitLines(text);
        if (lines.Count == 0 || !IsHeader(lines[0], algorithms, out _))
        {
            return new GoldenExpectation(text, []);
        }

        var sections = new Dictionary<string, string>(StringComparer.Ordinal);
        string? current = null;
        var body = new System.Text.StringBuilder();
        foreach (var line in lines)
        {
            if (IsHeader(line, algorithms, out var name) && !sections.ContainsKey(name))
            {
                if (current != null)
                {
                    sections[current] = body.ToString();
                }

                current = name;
                body.Clear();
                continue;
            }

            body.Append(line).Append('\n');
        }

        sections[current!] = body.ToString();
        return new GoldenExpectation(null, sections);
    }

    /// <summary>The text <paramref name="algorithm"/> must print, or null if the block says nothing for it.</summary>
    public string? ExpectedFor(string algorithm) =>
        HasSections ? _sections.GetValueOrDefault(algorithm) : Common;

    /// <summary>
    /// The block content for the outputs of a run (LF line ends): one text when every algorithm that
    /// ran printed the same, else one section per algorithm in <paramref name="order"/>. An algorithm
    /// that did not run keeps the section <paramref name="previous"/> had for it.
    /// </summary>
    public static string Format(IReadOnlyDictionary<string, string> actual, IReadOnlyList<string> order, GoldenExpectation? previous)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(order);
        var texts = new List<(string Algorithm, string Text)>();
        foreach (var algorithm in order)
        {
            if (actual.TryGetValue(algorithm, out var text))
            {
                texts.Add((algorithm, text));
            }
            else if (previous?.ExpectedFor(algorithm) is { } kept)
            {
                texts.Add((algorithm, kept));
            }
        }

        if (texts.Count == 0)
        {
            return previous?.Common ?? string.Empty;
        }

        if (texts.All(t => t.Text == texts[0].Text))
        {
            return texts[0].Text;
        }

        var sb = new System.Text.StringBuilder();
        foreach (var (algorithm, text) in texts)
        {
            sb.Append('@').Append(algorithm).Append('\n').Append(text);
        }

        return sb.ToString();
    }

    private static bool IsHeader(string line, IReadOnlyCollection<string> algorithms, out string name)
    {
        name = string.Empty;
        if (line.Length < 2 || line[0] != '@')
        {
            return false;
        }

        name = line[1..];
        return algorithms.Contains(name);
    }

    private static List<string> SplitLines(string text)
    {
        var lines = new List<string>(text.Split('\n'));
        if (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }
}
