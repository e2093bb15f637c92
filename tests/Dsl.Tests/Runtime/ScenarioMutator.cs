using System.Text;
using System.Text.RegularExpressions;

namespace MmuDsl.Dsl.Tests.Runtime;

/// <summary>
/// Makes hostile scenario texts from real ones: deletes, duplicates and swaps tokens and lines,
/// splices lines of other scenarios, inserts random characters (NUL, lone UTF-16 surrogates,
/// control characters), deep nesting, huge numbers and very long lines; and, as regression inputs
/// of issue 14, loops that print without end (huge outputs under small limits), includes of special
/// files and odd paths, settings outside their ranges, and golden blocks with sections for
/// algorithms that do not run their statement or lines that look like headers. Deterministic: the
/// same <see cref="Random"/> state gives the same text.
/// </summary>
internal sealed partial class ScenarioMutator
{
    private static readonly string[] Numbers =
    [
        "0", "1", "-1", "2", "3", "511", "512", "4096", "4097", "1000000", "0x7fffffffffffffff", "9223372036854775807",
        "9223372036854775808", "-9223372036854775808", "99999999999999999999999999", "0xFFFFFFFFFFFFFFFF", "0x8000000000000000", "0x",
    ];

    private static readonly char[] Specials =
    [
        '\0', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uFFFF', '\uFFFE', '\uFEFF', '\u2028', '\u0085', '\r', '\n', '\t', '\v', '\f',
        '"', '\\', '$', '{', '}', '(', ')', '[', ']', '#', '@', '-', '>', '.', ',', '!', '=', '&', '|', '%', '*', '/', '\'', '`', '~',
    ];

    private readonly IReadOnlyList<string> _corpus;
    private readonly IReadOnlyList<string> _corpusTokens;

    public ScenarioMutator(IReadOnlyList<string> corpus)
    {
        _corpus = corpus;
        _corpusTokens = corpus.SelectMany(Tokens).Where(t => t.Trim().Length > 0).Distinct().ToList();
    }

    /// <summary>A mutant of one corpus text: one to four edits, sometimes stacked on a splice of two texts.</summary>
    public string Next(Random random)
    {
        string text = _corpus[random.Next(_corpus.Count)];
        int edits = 1 + random.Next(4);
        for (int i = 0; i < edits; i++)
        {
            text = Edit(random, text);
        }

        return text;
    }

    private static readonly string[] HostileLines =
    [
        "include \"/dev/zero\"", "include \"/dev/full\"", "include \"/dev/null\"", "include \"/proc/self/status\"", "include \".\"",
        "include \"..\"", "include \"\"", "include \"a\0b\"", "include \"/nonexistent/x.mmu\"", "include \"${\"/dev/\"}zero\"",
        "set max_pages -1", "set max_call_depth 0", "set max_call_depth 0x7fffffffffffffff", "set max_loop_iterations -1",
        "set max_output 0", "set max_output 1", "set max_output 64",
        "@legacy echo \"a\"\n----\n@legacy\na\n@recursive\nWRONG\n----", "echo \"@legacy\"\n----\n@legacy\n----",
        "echo \"x\"\n----\n@eagr\nx\n----", "echo \"x\"\n----\n@ x\n@@x\n----", "show\n----\n@recursive\n@legacy\n@recursive\n----",
    ];

    private string Edit(Random random, string text) => random.Next(18) switch
    {
        0 => EditTokens(random, text, (tokens, at) => tokens.RemoveAt(at)),
        1 => EditTokens(random, text, (tokens, at) => tokens.Insert(at, tokens[at])),
        2 => EditTokens(random, text, (tokens, at) =>
        {
            int other = random.Next(tokens.Count);
            (tokens[at], tokens[other]) = (tokens[other], tokens[at]);
        }),
        3 => EditTokens(random, text, (tokens, at) => tokens[at] = _corpusTokens[random.Next(_corpusTokens.Count)]),
        4 => EditLines(random, text, (lines, at) => lines.RemoveAt(at)),
        5 => EditLines(random, text, (lines, at) => lines.Insert(at, lines[at])),
        6 => EditLines(random, text, (lines, at) =>
        {
            int other = random.Next(lines.Count);
            (lines[at], lines[other]) = (lines[other], lines[at]);
        }),
        7 => Splice(random, text),
        8 or 9 => InsertAt(random, text, RandomChars(random)),
        10 => InsertAt(random, text, Nesting(random)),
        11 => HugeNumber(random, text),
        12 => InsertLine(random, text, LongLine(random)),
        13 => InsertLine(random, text, NestedBlocks(random)),
        14 => Interpolation(random, text),
        15 => InsertLine(random, text, HugeOutput(random)),
        _ => InsertLine(random, text, HostileLines[random.Next(HostileLines.Length)]),
    };

    // A loop that would print far more than any limit allows: the run must stop at max_output.
    private static string HugeOutput(Random random)
    {
        string what = random.Next(3) switch
        {
            0 => "echo \"" + new string('o', 1 + random.Next(2_000)) + " $i\"",
            1 => "show",
            _ => "stats",
        };
        return "for i in 0..100000000 {\n" + what + "\n}";
    }

    private static List<string> Tokens(string text) => [.. TokenPattern().Matches(text).Select(m => m.Value)];

    private static string EditTokens(Random random, string text, Action<List<string>, int> edit)
    {
        var tokens = Tokens(text);
        if (tokens.Count == 0)
        {
            return text;
        }

        edit(tokens, random.Next(tokens.Count));
        return string.Concat(tokens);
    }

    private static string EditLines(Random random, string text, Action<List<string>, int> edit)
    {
        var lines = text.Split('\n').ToList();
        edit(lines, random.Next(lines.Count));
        return string.Join('\n', lines);
    }

    private string Splice(Random random, string text)
    {
        var lines = text.Split('\n').ToList();
        var donor = _corpus[random.Next(_corpus.Count)].Split('\n');
        int from = random.Next(donor.Length);
        int count = Math.Min(donor.Length - from, 1 + random.Next(12));
        lines.InsertRange(random.Next(lines.Count + 1), donor.Skip(from).Take(count));
        return string.Join('\n', lines);
    }

    private static string InsertAt(Random random, string text, string piece) => text.Insert(random.Next(text.Length + 1), piece);

    private static string InsertLine(Random random, string text, string line)
    {
        var lines = text.Split('\n').ToList();
        lines.Insert(random.Next(lines.Count + 1), line);
        return string.Join('\n', lines);
    }

    private static string RandomChars(Random random)
    {
        var sb = new StringBuilder();
        int n = 1 + random.Next(8);
        for (int i = 0; i < n; i++)
        {
            sb.Append(random.Next(3) == 0 ? (char)random.Next(0x10000) : Specials[random.Next(Specials.Length)]);
        }

        return sb.ToString();
    }

    private static int Depth(Random random) => random.Next(5) switch
    {
        0 => 1 + random.Next(10),
        1 => 200 + random.Next(120),
        2 => 1000 + random.Next(1000),
        3 => 20_000,
        _ => 1 + random.Next(300),
    };

    private static string Repeat(string s, int n) => new StringBuilder(s.Length * n).Insert(0, s, n).ToString();

    private static string Nesting(Random random)
    {
        int depth = Depth(random);
        bool closed = random.Next(4) != 0;
        return random.Next(7) switch
        {
            0 => Repeat("(", depth) + "1" + (closed ? Repeat(")", depth) : string.Empty),
            1 => Repeat("{", depth) + (closed ? Repeat("}", depth) : string.Empty),
            2 => "\"" + Repeat("${", depth) + "1" + (closed ? Repeat("}", depth) : string.Empty) + "\"",
            3 => Repeat("!", depth) + "true",
            4 => Repeat("- ", depth) + "1",
            5 => Repeat("trace ", depth) + "stats",
            _ => Repeat("[", depth) + (closed ? Repeat("]", depth) : string.Empty),
        };
    }

    private static string NestedBlocks(Random random)
    {
        int depth = Math.Min(Depth(random), 2000);
        string open = random.Next(2) == 0 ? "for i in 0..2 {\n" : "proc p(a) {\n";
        return Repeat(open, depth) + "echo \"deep\"\n" + (random.Next(4) != 0 ? Repeat("}\n", depth) : string.Empty);
    }

    private static string HugeNumber(Random random, string text)
    {
        var matches = NumberPattern().Matches(text);
        if (matches.Count == 0)
        {
            return InsertAt(random, text, Numbers[random.Next(Numbers.Length)]);
        }

        var m = matches[random.Next(matches.Count)];
        return text[..m.Index] + Numbers[random.Next(Numbers.Length)] + text[(m.Index + m.Length)..];
    }

    private static string LongLine(Random random)
    {
        int length = random.Next(3) == 0 ? 100_000 + random.Next(100_000) : 1_000 + random.Next(20_000);
        return random.Next(6) switch
        {
            0 => "# " + new string('c', length),
            // Page names stay short: the did-you-mean of an unknown page is quadratic in the length
            // of the names (a known bug: two 50,000-character names take about 25 s).
            1 => "page " + new string('N', Math.Min(length, 3_000)) + " level 1",
            2 => "expect \"" + new string('s', length) + "\" != \"\"",
            3 => "expect " + string.Join(" + ", Enumerable.Repeat("1", Math.Min(length / 4, 5000))) + " > 0",
            4 => "root R" + new string('9', length) + " level 4 gfn " + new string('7', Math.Min(length, 400)),

            // Echoed text is kept short: an echo repeated by a loop prints it every iteration.
            _ => "echo \"" + new string('e', Math.Min(length, 2_000)) + "\"",
        };
    }

    private static string Interpolation(Random random, string text)
    {
        string[] pieces = ["\"$", "\"${", "${}", "\"\\", "\\q", "$$", "${\"${\"}\"}", "\"${1 +}\"", "${$i}", "L$", "$1", "\"\n\""];
        return InsertAt(random, text, pieces[random.Next(pieces.Length)]);
    }

    // Identifiers (with '-' for statement words like fail-sync), numbers, variables, two-character
    // operators, line breaks, runs of blanks, then any single character.
    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_-]*|0[xX][0-9A-Fa-f]*|[0-9]+|\$\{|\$[A-Za-z_][A-Za-z0-9_]*|->|\.\.|==|!=|<=|>=|&&|\|\||\r?\n|[ \t]+|.", RegexOptions.Singleline)]
    private static partial Regex TokenPattern();

    [GeneratedRegex("0[xX][0-9A-Fa-f]+|[0-9]+")]
    private static partial Regex NumberPattern();
}
