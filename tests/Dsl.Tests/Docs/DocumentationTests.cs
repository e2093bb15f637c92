using System.Text;
using System.Text.RegularExpressions;
using MmuDsl.Dsl.Syntax;

namespace MmuDsl.Dsl.Tests.Docs;

/// <summary>
/// The repository's documentation keeps up with the code: every keyword of the grammar is in the
/// language reference, and every relative link (and its #anchor) in docs/ and the README leads
/// somewhere that exists.
/// </summary>
public sealed partial class DocumentationTests
{
    private static readonly string Root = RepositoryRoot.Path;

    public static TheoryData<string> Keywords()
    {
        var data = new TheoryData<string>();
        foreach (string word in SyntaxFacts.ReservedWords.Order(StringComparer.Ordinal))
        {
            data.Add(word);
        }

        return data;
    }

    public static TheoryData<string> MarkdownFiles()
    {
        var data = new TheoryData<string>();
        foreach (string file in MarkdownPaths())
        {
            data.Add(Path.GetRelativePath(Root, file).Replace('\\', '/'));
        }

        return data;
    }

    [Fact]
    public void The_grammar_has_keywords_and_the_repository_has_docs()
    {
        Assert.True(SyntaxFacts.ReservedWords.Count >= 20, $"only {SyntaxFacts.ReservedWords.Count} keywords read from the grammar");
        Assert.True(MarkdownPaths().Count >= 5, "docs/ and the README were not found from " + Root);
    }

    [Theory]
    [MemberData(nameof(Keywords))]
    public void Every_keyword_of_the_grammar_is_in_the_language_reference(string keyword)
    {
        string code = CodeOf(File.ReadAllText(Path.Combine(Root, "docs", "language.md")));
        var word = new Regex($@"(?<![A-Za-z0-9_-]){Regex.Escape(keyword)}(?![A-Za-z0-9_-])");
        Assert.True(word.IsMatch(code), $"the keyword '{keyword}' appears in no code of docs/language.md: document it there, with an example");
    }

    [Theory]
    [MemberData(nameof(MarkdownFiles))]
    public void Every_relative_link_resolves(string relative)
    {
        string file = Path.Combine(Root, relative);
        string text = File.ReadAllText(file);
        var broken = new List<string>();
        foreach (Match link in LinkPattern().Matches(WithoutCode(text)))
        {
            string target = link.Groups["target"].Value.Trim();
            if (target.Length == 0 || target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
            {
                continue;
            }

            int hash = target.IndexOf('#', StringComparison.Ordinal);
            string pathPart = hash < 0 ? target : target[..hash];
            string? anchor = hash < 0 ? null : target[(hash + 1)..];
            string resolved = pathPart.Length == 0 ? file : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, Uri.UnescapeDataString(pathPart)));
            if (!resolved.StartsWith(Root, StringComparison.Ordinal))
            {
                broken.Add($"{target}: leads outside the repository");
            }
            else if (!File.Exists(resolved) && !Directory.Exists(resolved))
            {
                broken.Add($"{target}: no such file");
            }
            else if (anchor != null && resolved.EndsWith(".md", StringComparison.Ordinal) && !Anchors(File.ReadAllText(resolved)).Contains(anchor))
            {
                broken.Add($"{target}: no heading with the anchor #{anchor} in {Path.GetRelativePath(Root, resolved)}");
            }
        }

        Assert.True(broken.Count == 0, $"{relative}: broken links:\n  " + string.Join("\n  ", broken));
    }

    [Fact]
    public void No_file_of_the_repository_points_outside_it()
    {
        // Split so that this file does not find itself.
        string outside = string.Concat("../", "shared");
        string[] skipped = ["bin", "obj", "node_modules", ".git", "out", "artifacts", "explore-repros"];
        var offenders = new List<string>();
        var folders = new Stack<string>([Root]);
        while (folders.Count > 0)
        {
            string folder = folders.Pop();
            foreach (string sub in Directory.EnumerateDirectories(folder))
            {
                if (!skipped.Contains(Path.GetFileName(sub)) && !new DirectoryInfo(sub).Attributes.HasFlag(FileAttributes.ReparsePoint))
                {
                    folders.Push(sub);
                }
            }

            foreach (string file in Directory.EnumerateFiles(folder))
            {
                var info = new FileInfo(file);
                if (info.Length < 4 * 1024 * 1024 && !info.Attributes.HasFlag(FileAttributes.ReparsePoint) && File.ReadAllText(file).Contains(outside, StringComparison.Ordinal))
                {
                    offenders.Add(Path.GetRelativePath(Root, file));
                }
            }
        }

        Assert.True(offenders.Count == 0, $"files that refer to {outside}, which exists in no one's clone:\n  " + string.Join("\n  ", offenders));
    }

    [Fact]
    public void Anchors_are_made_as_GitHub_makes_them()
    {
        var anchors = Anchors("# The walk: `mmu_unsync_walk`\n## What a verdict does not cover\n### A & B\n# x\n# x\n");
        Assert.Equal(new HashSet<string>(["the-walk-mmu_unsync_walk", "what-a-verdict-does-not-cover", "a--b", "x", "x-1"], StringComparer.Ordinal), anchors);
    }

    // The text of fenced blocks and inline code spans, one per line.
    private static string CodeOf(string markdown)
    {
        var code = new StringBuilder();
        bool fenced = false;
        foreach (string line in markdown.Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                fenced = !fenced;
                continue;
            }

            if (fenced || line.StartsWith("    ", StringComparison.Ordinal))
            {
                code.AppendLine(line);
                continue;
            }

            foreach (Match span in InlineCode().Matches(line))
            {
                code.AppendLine(span.Groups[1].Value);
            }
        }

        return code.ToString();
    }

    // The markdown with fenced blocks and inline code blanked, so that code is never read as a link.
    private static string WithoutCode(string markdown)
    {
        var prose = new StringBuilder();
        bool fenced = false;
        foreach (string line in markdown.Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                fenced = !fenced;
                prose.AppendLine();
                continue;
            }

            prose.AppendLine(fenced ? string.Empty : InlineCode().Replace(line, "``"));
        }

        return prose.ToString();
    }

    // GitHub's heading anchors: lower case, punctuation but '-' and '_' dropped, spaces to '-',
    // a repeated heading gets -1, -2, ...
    private static HashSet<string> Anchors(string markdown)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        bool fenced = false;
        foreach (string line in markdown.Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                fenced = !fenced;
                continue;
            }

            var heading = HeadingPattern().Match(line);
            if (fenced || !heading.Success)
            {
                continue;
            }

            var slug = new StringBuilder();
            foreach (char c in heading.Groups["text"].Value.Trim().ToLowerInvariant())
            {
                if (char.IsLetterOrDigit(c) || c == '-' || c == '_')
                {
                    slug.Append(c);
                }
                else if (c == ' ')
                {
                    slug.Append('-');
                }
            }

            string anchor = slug.ToString();
            for (int n = 1; !anchors.Add(anchor); n++)
            {
                anchor = $"{slug}-{n}";
            }
        }

        foreach (Match html in HtmlAnchor().Matches(markdown))
        {
            anchors.Add(html.Groups[1].Value);
        }

        return anchors;
    }

    private static List<string> MarkdownPaths()
    {
        var files = new List<string> { Path.Combine(Root, "README.md") };
        string docs = Path.Combine(Root, "docs");
        if (Directory.Exists(docs))
        {
            files.AddRange(Directory.EnumerateFiles(docs, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
        }

        return files.Where(File.Exists).ToList();
    }

    [GeneratedRegex(@"\[[^\]]*\]\((?<target>[^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"`([^`]+)`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"^#{1,6}\s+(?<text>.+?)\s*#*\s*$")]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"<a\s+(?:name|id)=""([^""]+)""")]
    private static partial Regex HtmlAnchor();
}
