using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text;
using MmuDsl.Dsl.Syntax;
using MmuDsl.Mmu.Bench.Harness;

namespace MmuDsl.Mmu.Bench.Benchmarks;

/// <summary>
/// <c>parse</c>: <see cref="ScenarioParser.Parse(string, string)"/> of a generated scenario of
/// 100,000 lines, a mix like the shipped scenarios' (comments, blank lines, root/page/link/map/
/// unsync/sync/expect/let/for/show/stats/echo, golden blocks after show and stats). Prints lines
/// per second (median of several parses after warm-up) and the make-up of the file. A diagnostic
/// of any kind is a FAIL (exit 1): the generated file is valid.
/// </summary>
internal sealed class ParseBenchmark : IBenchmark
{
    private const int Lines = 100_000;
    private const int MaxWarmUpRounds = 30;
    private const string FilePath = "bench/parse-100k.mmu";

    public string Name => "parse";

    public string Summary => "ScenarioParser.Parse of a generated 100,000-line scenario (lines per second)";

    public int Run(IReadOnlyList<string> args, TextWriter output)
    {
        if (!Options.TryParse(args, out var options, out string error))
        {
            return BenchArgs.Refuse(error, Options.Usage);
        }

        var clock = Stopwatch.StartNew();
        var (text, mix) = Generate(Lines);
        var failures = new List<string>();
        int lineCount = CountLines(text);
        if (lineCount != Lines)
        {
            failures.Add($"the generated file has {lineCount} lines, not {Lines}");
        }

        Progress("check: the generated file parses without diagnostics");
        var first = ScenarioParser.Parse(FilePath, text);
        foreach (var d in first.Diagnostics.Take(5))
        {
            failures.Add("diagnostic: " + d.Render(text).Replace("\n", " | ", StringComparison.Ordinal));
        }

        if (first.Diagnostics.Length > 5)
        {
            failures.Add($"... {first.Diagnostics.Length} diagnostics in all");
        }

        int statements = first.File.Statements.Length;
        if (statements != mix.TopLevelStatements)
        {
            failures.Add($"the tree has {statements} top-level statements, the generator wrote {mix.TopLevelStatements}");
        }

        Progress("JIT warm-up: parses until the JIT compiles nothing more");
        var warm = WarmUpJit(text);

        Progress($"{options.Warmup} warm-up + {options.Runs} timed parses");
        for (int n = 0; n < options.Warmup; n++)
        {
            ScenarioParser.Parse(FilePath, text);
        }

        var ms = new List<double>();
        var allocated = new List<long>();
        long jitted = 0;
        for (int n = 0; n < options.Runs; n++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            long jit0 = JitInfo.GetCompiledMethodCount();
            long alloc0 = GC.GetAllocatedBytesForCurrentThread();
            long t0 = Stopwatch.GetTimestamp();
            var result = ScenarioParser.Parse(FilePath, text);
            long t1 = Stopwatch.GetTimestamp();
            allocated.Add(GC.GetAllocatedBytesForCurrentThread() - alloc0);
            jitted += JitInfo.GetCompiledMethodCount() - jit0;
            ms.Add(Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds);
            if (result.Diagnostics.Length != 0 || result.File.Statements.Length != statements)
            {
                failures.Add($"run {n}: {result.Diagnostics.Length} diagnostics, {result.File.Statements.Length} statements");
            }
        }

        Report(output, options, text, mix, warm, ms, allocated, jitted, failures, clock.Elapsed);
        return failures.Count == 0 ? 0 : 1;
    }

    // ---- the file --------------------------------------------------------------------------

    /// <summary>What the generator wrote, line by line.</summary>
    internal sealed class Mix
    {
        public Dictionary<string, int> Kinds { get; } = new(StringComparer.Ordinal);

        public int TopLevelStatements { get; set; }

        public int Groups { get; set; }

        public void Count(string kind, int lines = 1) => Kinds[kind] = Kinds.GetValueOrDefault(kind) + lines;
    }

    /// <summary>
    /// Exactly <paramref name="lines"/> lines: groups like a hand-written scenario (a comment
    /// header, a small table of one root, two level-3 pages, a level-2 page and four level-1
    /// pages, unsync, expects, show with its golden block, sync, stats with its block, a loop),
    /// each group's names its own; then comment lines to the exact count.
    /// </summary>
    internal static (string Text, Mix Mix) Generate(int lines)
    {
        var sb = new StringBuilder(lines * 32);
        var mix = new Mix();
        int written = 0;
        var group = new List<(string Kind, string Line, bool TopLevel)>();
        for (int g = 0; ; g++)
        {
            group.Clear();
            Group(g, group);
            if (written + group.Count > lines)
            {
                break;
            }

            foreach (var (kind, line, topLevel) in group)
            {
                sb.Append(line).Append('\n');
                mix.Count(kind);
                if (topLevel)
                {
                    mix.TopLevelStatements++;
                }
            }

            written += group.Count;
            mix.Groups++;
        }

        for (; written < lines; written++)
        {
            sb.Append("# padding to the exact line count\n");
            mix.Count("comment");
        }

        return (sb.ToString(), mix);
    }

    private static void Group(int g, List<(string Kind, string Line, bool TopLevel)> o)
    {
        string S(FormattableString f) => f.ToString(CultureInfo.InvariantCulture);
        void Stmt(string kind, string line) => o.Add((kind, line, true));
        void Inner(string kind, string line) => o.Add((kind, line, false));
        void Golden(string line) => o.Add(("golden block", line, false));
        void Comment(string line) => o.Add(("comment", line, false));
        void Blank() => o.Add(("blank", "", false));

        string r = S($"R{g}");
        string a = S($"A{g}");
        string b = S($"B{g}");
        string q = S($"Q{g}");
        string l = S($"L{g}");
        Comment(S($"# Group {g}: a root with two level-3 pages; one level-2 page and four leaves under the first."));
        Comment("# Unsync two leaves, check the marking climbed, sync, check the metadata is clean.");
        Stmt("root", S($"root {r} level 4 gfn 0x{(g * 16) + 0x1000:x}"));
        Stmt("page", S($"page {a} level 3"));
        Stmt("page", S($"page {b} level 3 gfn {(g * 16) + 0x1001}"));
        Stmt("page", S($"page {q} level 2"));
        for (int i = 0; i < 4; i++)
        {
            Stmt("page", S($"page {l}_{i} level 1"));
        }

        Stmt("link", S($"link {r}[0] -> {a}"));
        Stmt("link", S($"link {r}[{(g % 500) + 1}] -> {b}"));
        Stmt("link", S($"link {a}[3] -> {q}"));
        for (int i = 0; i < 4; i++)
        {
            Stmt("link", S($"link {q}[{i * 7}] -> {l}_{i}   # leaf {i}"));
        }

        Stmt("map", S($"map {l}_0[5]"));
        Stmt("map", S($"map {b}[9] large"));
        Blank();
        Comment("# The guest writes to two leaves: marking climbs to the root.");
        Stmt("unsync", S($"unsync {l}_1"));
        Stmt("unsync", S($"unsync {l}_3"));
        Stmt("expect", S($"expect {l}_1.unsync && {l}_3.unsync && !{l}_0.unsync"));
        Stmt("expect", S($"expect {q}.bitmap == {{7, 21}} && {q}.unsync_children == 2"));
        Stmt("expect", S($"expect 3 in {a}.bitmap && {r}.unsync_children == 1 && {r}.level == 4"));
        Stmt("show", S($"show {r}"));
        Golden("----");
        Golden(S($"{r} L4 root unsync_children=1 bitmap={{0}}"));
        Golden(S($"  [0] {a} L3 unsync_children=1 bitmap={{3}}"));
        Golden(S($"    [3] {q} L2 unsync_children=2 bitmap={{7,21}}"));
        Golden(S($"      [0] {l}_0 L1 sync"));
        Golden("        [5] leaf");
        Golden(S($"      [7] {l}_1 L1 unsync"));
        Golden(S($"      [14] {l}_2 L1 sync"));
        Golden(S($"      [21] {l}_3 L1 unsync"));
        Golden(S($"  [{(g % 500) + 1}] {b} L3 unsync_children=0 bitmap={{}}"));
        Golden("    [9] large");
        Golden("----");
        Stmt("sync", S($"sync {r}"));
        Stmt("expect", S($"expect {r}.bitmap == {{}} && {q}.unsync_children == 0 && {l}_1.syncs == 1"));
        Stmt("expect", S($"expect stat.syncs >= 2 && stat.unsync == 0 && (stat.walks - stat.walks) * 2 + {g} % 7 < 7"));
        Stmt("stats", "stats");
        Golden("----");
        Golden(S($"stat.unsync=0 walks={(2 * g) + 2} visits={(9 * g) + 9} syncs={(2 * g) + 2} zaps=0 interrupted=0 warnings=0"));
        Golden("----");
        Blank();
        Comment("# A loop: eight more leaves under the level-2 page, every other one unsync.");
        Stmt("let", S($"let base{g % 10} = {g}"));
        Stmt("for", "for i in 0..8 {");
        Inner("page", S($"  page {l}x$i level 1"));
        Inner("link", S($"  link {q}[$i * 2 + 100] -> {l}x$i"));
        Inner("expect", S($"  expect {l}x$i.parents == 1 && $i * 2 + 100 in {q}.children"));
        Inner("}", "}");
        Stmt("echo", S($"echo \"group {g}: base=${{$base{g % 10}}} leaves=${{4 + 8}}\""));
        Golden("----");
        Golden(S($"group {g}: base={g} leaves=12"));
        Golden("----");
        Blank();
    }

    private static int CountLines(string text)
    {
        int n = 0;
        foreach (char c in text)
        {
            if (c == '\n')
            {
                n++;
            }
        }

        return n;
    }

    // ---- measuring -------------------------------------------------------------------------

    private static (int Rounds, long Methods, bool Quiet) WarmUpJit(string text) =>
        JitWarmUp.Run(() => ScenarioParser.Parse(FilePath, text), MaxWarmUpRounds);

    // ---- reporting -------------------------------------------------------------------------

    private static void Report(TextWriter w, Options options, string text, Mix mix, (int Rounds, long Methods, bool Quiet) warm, List<double> ms, List<long> allocated, long jitted, List<string> failures, TimeSpan elapsed)
    {
        double median = Stats.Median(ms);
        w.WriteLine("MmuDsl benchmark: parse (ScenarioParser.Parse of a generated scenario)");
        w.WriteLine($"  machine : {BuildInfo.Machine()}");
        w.WriteLine($"  timing  : Stopwatch around ScenarioParser.Parse(path, text) (lexing, pre-scan, ANTLR parse, lowering to the");
        w.WriteLine($"            syntax tree; the text is in memory), after a full GC; median of {options.Runs} parses after {options.Warmup} warm-up");
        w.WriteLine($"            parse(s) and a JIT warm-up of {warm.Rounds} parses ({warm.Methods} methods compiled; " + (warm.Quiet ? $"then quiet for {JitWarmUp.QuietRounds} rounds)" : "NOT quiet)"));
        w.WriteLine($"  file    : {Lines:N0} lines, {text.Length:N0} chars, {mix.Groups:N0} groups of a small scenario each, {mix.TopLevelStatements:N0} top-level statements");
        w.WriteLine();

        w.WriteLine("Lines of the file by kind (a for body's lines counted by their own kind)");
        var kinds = new TextTable("<kind", "lines", "share");
        foreach (var (kind, n) in mix.Kinds.OrderByDescending(k => k.Value))
        {
            kinds.Add(kind, TextTable.Int(n), TextTable.Num(100.0 * n / Lines) + "%");
        }

        kinds.WriteTo(w);
        w.WriteLine();

        w.WriteLine("Parse time (± is half the interquartile range of the runs; jit: methods compiled while timed)");
        var t = new TextTable("lines", "ms", "", "lines/s", "Mchars/s", "ns/line", "alloc B/line", "runs", "jit");
        t.Add(TextTable.Int(Lines), TextTable.Num(median), "±" + TextTable.Num(Stats.HalfIqrPercent(ms), 0) + "%",
            TextTable.Int((long)Math.Round(Lines / (median / 1000))), TextTable.Num(text.Length / (median / 1000) / 1e6),
            TextTable.Num(median * 1e6 / Lines, 0), TextTable.Num((double)allocated.Max() / Lines, 0), TextTable.Int(ms.Count), TextTable.Int(jitted));
        t.WriteTo(w);
        w.WriteLine();

        ChecksFooter.Write(w, failures, [
            "Checks: no diagnostics in any parse; every parse gave the tree the generator wrote (top-level statement count).",
        ], elapsed);
    }

    private static void Progress(string message) => Console.Error.WriteLine("  .. " + message);

    // ---- options ---------------------------------------------------------------------------

    private sealed record Options(int Runs, int Warmup)
    {
        public const string Usage = "options: --runs N (timed parses, at least 3, default 11)  --warmup N (warm-up parses after the JIT warm-up, default 2)";

        public static bool TryParse(IReadOnlyList<string> args, out Options options, out string error)
        {
            int runs = 11, warmup = 2;
            bool ok = BenchArgs.TryParse(args, 3, ref runs, ref warmup, new Dictionary<string, Action<string>>(), out error);
            options = new Options(runs, warmup);
            return ok;
        }
    }
}
