using System.Text;
using System.Text.RegularExpressions;
using MmuDsl.Dsl.Golden;
using MmuDsl.Dsl.Runtime;
using MmuDsl.Dsl.Scenarios;
using MmuDsl.Dsl.Sources;
using MmuDsl.Dsl.Tests.Runtime;

namespace MmuDsl.Dsl.Tests.Hardening;

/// <summary>
/// The project's fuzzer on the file system (issue 14's regression strategies): seeded random
/// folder trees of shipped scenarios, some with invalid UTF-8 in a comment, a byte order mark or
/// UTF-16, among FIFOs named <c>.mmu</c>, symbolic link loops, dangling links, links to devices and
/// FIFOs, and includes of all of these. Walking the tree ends; running every file found ends within
/// seconds, throws nothing, and says what is wrong with a place (<c>FILE:LINE:COL: </c>) or in one
/// line for a file that cannot be read; planning and applying a rewrite never changes a byte of a
/// file that is not valid UTF-8. A failure prints its seed.
/// </summary>
public sealed partial class HostileFileTreeFuzzTests
{
    private const int Trees = 24;

    // A hang never returns; a run of a shipped scenario takes well under a second alone, but
    // this suite runs beside the others on two cores, and under load one file took more than 30 s.
    private const int HangSeconds = 120;
    private static readonly RunOptions Budget = RunOptions.Default with
    {
        MaxStatements = 200_000,
        MaxLoopIterations = 20_000,
        MaxPages = 2_000,
        MaxOutputChars = 100_000,
        MaxSourceBytes = 1_000_000,
    };

    private static readonly string[] Specials = ["/dev/zero", "/dev/full", "/dev/null", "/proc/self/status", "/nonexistent"];

    [LinuxFact]
    public void RandomHostileTrees_WalkAndRunEndCleanly()
    {
        var corpus = TestFolders.ShippedScenarios.Select(File.ReadAllText).ToList();
        for (int seed = 1; seed <= Trees; seed++)
        {
            using var dir = new TempDir();
            var random = new Random(seed);
            var invalid = Build(dir.Path, random, corpus);
            var warnings = new List<string>();
            var found = SpecialFiles.WithinSeconds(HangSeconds, () => ScenarioFolder.Find(dir.Path, warnings.Add));
            Assert.True(found.Count > 0, $"seed {seed}: nothing found");
            Assert.Equal(found.Count, found.Distinct().Count());
            foreach (string path in found)
            {
                byte[]? before = invalid.Contains(path) ? File.ReadAllBytes(path) : null;
                var result = SpecialFiles.WithinSeconds(HangSeconds, () => ScenarioRunner.RunFile(path, Budget));
                foreach (string error in result.Errors.Select(e => e.Render()))
                {
                    Assert.True(Placed().IsMatch(error) || OneLine().IsMatch(error), $"seed {seed}, {path}: an error that says neither where nor why:\n{error}");
                }

                if (before != null)
                {
                    Assert.Equal(2, result.ExitCode);
                    Assert.Contains(result.Errors.Select(e => e.Render()), e => e.Contains("not valid UTF-8", StringComparison.Ordinal));
                    foreach (var plan in GoldenRewriter.Plan(result))
                    {
                        GoldenRewriter.Apply(plan);
                    }

                    Assert.Equal(before, File.ReadAllBytes(path));
                }
            }
        }
    }

    [Fact]
    public void InvalidUtf8InAnyCommentOfAShippedScenario_IsReportedOnThatLine()
    {
        var random = new Random(14);
        foreach (string path in TestFolders.ShippedScenarios)
        {
            string[] lines = File.ReadAllText(path).Split('\n');
            int commentLine = Array.FindIndex(lines, l => l.TrimStart().StartsWith('#'));
            if (commentLine < 0)
            {
                continue;
            }

            byte[] bad = BadSequences[random.Next(BadSequences.Length)];
            byte[] head = Encoding.UTF8.GetBytes(string.Join('\n', lines.Take(commentLine + 1)));
            byte[] bytes = [.. head, .. bad, .. Encoding.UTF8.GetBytes("\n" + string.Join('\n', lines.Skip(commentLine + 1)))];
            var read = SourceReader.Decode(path, bytes);
            var first = Assert.Single(read.Invalid);
            Assert.Equal(commentLine + 1, first.Span.Line);
            Assert.Equal(lines[commentLine].Length + 1, first.Span.Column);
        }
    }

    private static readonly byte[][] BadSequences = [[0xFF], [0xE9], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF8, 0x88, 0x80, 0x80, 0x80], [0x80, 0x80]];

    // A tree of 6 to 16 entries; returns the .mmu files that are not valid UTF-8.
    private static HashSet<string> Build(string root, Random random, List<string> corpus)
    {
        var invalid = new HashSet<string>(StringComparer.Ordinal);
        var folders = new List<string> { root };
        int entries = 6 + random.Next(11);
        for (int i = 0; i < entries; i++)
        {
            string folder = folders[random.Next(folders.Count)];
            string name = Path.Combine(folder, $"e{i}");
            switch (random.Next(10))
            {
                case 0:
                    Directory.CreateDirectory(name);
                    folders.Add(name);
                    break;
                case 1:
                    SpecialFiles.Fifo(name + ".mmu");
                    break;
                case 2:
                    File.CreateSymbolicLink(name, random.Next(2) == 0 ? "." : "..");
                    break;
                case 3:
                    File.CreateSymbolicLink(name + ".mmu", Specials[random.Next(Specials.Length)]);
                    break;
                case 4:
                    File.CreateSymbolicLink(name + ".mmu", $"e{random.Next(entries)}.mmu");
                    break;
                case 5:
                    {
                        string target = random.Next(3) == 0 ? "/dev/zero" : $"e{random.Next(entries)}{(random.Next(2) == 0 ? ".mmu" : string.Empty)}";
                        File.WriteAllText(name + ".mmu", $"include \"{target}\"\necho \"after\"\n----\nafter\n----\n");
                        break;
                    }

                case 6:
                    {
                        byte[] text = Encoding.UTF8.GetBytes("# caf");
                        byte[] bad = BadSequences[random.Next(BadSequences.Length)];
                        File.WriteAllBytes(name + ".mmu", [.. text, .. bad, .. Encoding.UTF8.GetBytes("\necho \"x\"\n----\nstale\n----\n" + corpus[random.Next(corpus.Count)])]);
                        invalid.Add(name + ".mmu");
                        break;
                    }

                case 7:
                    File.WriteAllBytes(name + ".mmu", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("echo \"x\"\n")]);
                    invalid.Add(name + ".mmu");
                    break;
                default:
                    File.WriteAllBytes(name + ".mmu", [.. random.Next(4) == 0 ? Encoding.UTF8.GetPreamble() : [], .. Encoding.UTF8.GetBytes(corpus[random.Next(corpus.Count)])]);
                    break;
            }
        }

        return invalid;
    }

    [GeneratedRegex(@"\A[^\n]+?:[0-9]+:[0-9]+: ")]
    private static partial Regex Placed();

    [GeneratedRegex(@"\A[^\n]+: error: cannot read the scenario: [^\n]+\n\z")]
    private static partial Regex OneLine();
}
