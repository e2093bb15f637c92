using System.Diagnostics;
using System.Globalization;
using MmuDsl.Lsp;
using MmuDsl.Lsp.Analysis;
using MmuDsl.Lsp.Documents;
using MmuDsl.Lsp.Protocol;
using MmuDsl.Lsp.Tests.Client;
using MmuDsl.Mmu.Bench.Harness;
using LspRange = MmuDsl.Lsp.Protocol.Range;

namespace MmuDsl.Mmu.Bench.Benchmarks;

/// <summary>
/// The editor's latency: <c>mmudsl lsp</c> as a process with its default options, driven over
/// stdio by a StreamJsonRpc client (the tests' client), on a 10,000-line scenario
/// (<see cref="LspScenario"/>). Times, from the client: diagnostics after a one-character edit
/// (sending the didChange to receiving its publishDiagnostics: debounce, parse, both runs,
/// publish), and hover on a page name; then the server's memory after 1,000 more edits.
/// </summary>
internal sealed class LspBenchmark : IBenchmark
{
    private const int Lines = 10_000;
    private const int MemoryEdits = 1_000;
    private const double DiagnosticsGoalMs = 200;
    private const double HoverGoalMs = 50;
    private static readonly TimeSpan LanguageServerIdleTrim = MmuDsl.Lsp.Server.LanguageServer.IdleTrimDelay;

    public string Name => "lsp";

    public string Summary => "mmudsl lsp on a 10,000-line file: diagnostics after a one-character edit, hover, memory after 1,000 edits";

    public int Run(IReadOnlyList<string> args, TextWriter output)
    {
        int runs = 21, warmup = 5;
        if (!BenchArgs.TryParse(args, 3, ref runs, ref warmup, new Dictionary<string, Action<string>>(), out string error))
        {
            return BenchArgs.Refuse(error, "options: --runs N (timed edits and hovers, at least 3, default 21)  --warmup N (default 5)");
        }

        return RunAsync(runs, warmup, output).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(int runs, int warmup, TextWriter w)
    {
        var elapsed = Stopwatch.StartNew();
        string loadBefore = LoadAverage();
        string text = LspScenario.Generate(Lines);
        string uri = new Uri(Path.Combine(Path.GetTempPath(), "mmudsl-lsp-bench.mmu")).AbsoluteUri;
        var failures = new List<string>();
        await using var server = LspServerProcess.Start();
        await server.InitializeAsync();
        await server.OpenAsync(uri, text);
        var opened = await server.DiagnosticsAsync(uri, 1, TimeSpan.FromMinutes(2));
        Check(failures, opened.Diagnostics.Count == 0, $"the generated file has {opened.Diagnostics.Count} diagnostics: {opened.Diagnostics.FirstOrDefault()?.Message}");
        var afterOpen = await server.RequestAsync<MemoryReport>(MethodNames.Memory, null);

        // One character: a loop bound of one group, 4 -> 5 and back (the file stays valid, so every run goes to the end).
        var bounds = new char[Lines / LspScenario.GroupLines];
        Array.Fill(bounds, '4');
        int version = 1;
        async Task<double> EditAsync(int group, bool wait)
        {
            bounds[group] = bounds[group] == '4' ? '5' : '4';
            int line = (group * LspScenario.GroupLines) + 17;
            var clock = Stopwatch.StartNew();
            await server.ChangeAsync(uri, ++version, new TextDocumentContentChangeEvent(new LspRange(new Position(line, 12), new Position(line, 13)), bounds[group].ToString()));
            if (!wait)
            {
                return 0;
            }

            var published = await server.DiagnosticsAsync(uri, version, TimeSpan.FromMinutes(1));
            clock.Stop();
            Check(failures, published.Diagnostics.Count == 0, $"version {version}: {published.Diagnostics.Count} diagnostics");
            return clock.Elapsed.TotalMilliseconds;
        }

        Progress($"diagnostics: {warmup} warm-up and {runs} timed edits");
        var diagnostics = new List<double>();
        var cpuBefore = TimeSpan.Zero;
        for (int i = 0; i < warmup + runs; i++)
        {
            if (i == warmup)
            {
                cpuBefore = server.ProcessorTime;
            }

            double ms = await EditAsync(((i * 37) + 250) % bounds.Length, wait: true);
            if (i >= warmup)
            {
                diagnostics.Add(ms);
            }
        }

        double cpuPerEdit = (server.ProcessorTime - cpuBefore).TotalMilliseconds / runs;

        Progress($"hover: {warmup} warm-up and {runs} timed requests");
        var hovers = new List<double>();
        for (int i = 0; i < warmup + runs; i++)
        {
            int group = ((i * 53) + 11) % bounds.Length;
            var clock = Stopwatch.StartNew();
            var hover = await server.RequestAsync<Hover?>(MethodNames.Hover, new TextDocumentPositionParams(new TextDocumentIdentifier(uri), new Position((group * LspScenario.GroupLines) + 7, 8)));
            clock.Stop();
            Check(failures, hover?.Contents.Value.Contains($"L{group}_1 L1 unsync", StringComparison.Ordinal) == true, $"hover on L{group}_1: {hover?.Contents.Value}");
            if (i >= warmup)
            {
                hovers.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        Progress($"memory: {MemoryEdits} edits sent back to back");
        for (int i = 0; i < MemoryEdits; i++)
        {
            await EditAsync((i * 7) % bounds.Length, wait: i == MemoryEdits - 1);
        }

        var afterEdits = await server.RequestAsync<MemoryReport>(MethodNames.Memory, null);
        await Task.Delay(LanguageServerIdleTrim + TimeSpan.FromSeconds(1));
        var afterIdle = await server.RequestAsync<MemoryReport>(MethodNames.Memory, null);
        Check(failures, await server.ShutdownAsync() == 0, "shutdown then exit did not exit 0");
        string loadAfter = LoadAverage();

        Progress($"in-process stages: {runs} analyses");
        var stages = Stages(text, runs);
        Report(w, text, runs, warmup, diagnostics, cpuPerEdit, hovers, afterOpen, afterEdits, afterIdle, stages, $"{loadBefore} before, {loadAfter} after the server's runs", failures, elapsed.Elapsed);
        return failures.Count == 0 ? 0 : 1;
    }

    /// <summary>The analysis stages as the server runs them, timed in this process (medians): parse, model, run.</summary>
    private static (double Parse, double Model, double Run) Stages(string text, int runs)
    {
        var parse = new List<double>();
        var model = new List<double>();
        var run = new List<double>();
        var options = ServerOptions.Default;
        for (int i = 0; i < runs + 2; i++)
        {
            var document = new OpenDocument("file:///mmudsl-lsp-bench.mmu", i, text);
            var clock = Stopwatch.StartNew();
            var parsed = Dsl.Syntax.ScenarioParser.Parse(document.Path, document.Text, options.Run.Parse);
            double p = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            var syntax = new SyntaxModel(document, parsed, []);
            double m = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            Analyzer.Run(syntax, options, _ => null, CancellationToken.None);
            double r = clock.Elapsed.TotalMilliseconds;
            if (i >= 2)
            {
                parse.Add(p);
                model.Add(m);
                run.Add(r);
            }
        }

        return (Stats.Median(parse), Stats.Median(model), Stats.Median(run));
    }

    private static string LoadAverage()
    {
        try
        {
            return "load average " + string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "load average unknown";
        }
    }

    private static void Report(TextWriter w, string text, int runs, int warmup, List<double> diagnostics, double cpuPerEdit, List<double> hovers, MemoryReport afterOpen, MemoryReport afterEdits, MemoryReport afterIdle, (double Parse, double Model, double Run) stages, string load, List<string> failures, TimeSpan elapsed)
    {
        var defaults = ServerOptions.Default;
        w.WriteLine("MmuDsl benchmark: lsp (mmudsl lsp as a process, driven over stdio by a StreamJsonRpc client)");
        w.WriteLine($"  machine : {BuildInfo.Machine()}");
        w.WriteLine($"  server  : dotnet mmudsl.dll lsp, default options (debounce {defaults.Debounce.TotalMilliseconds:0} ms, time budget {defaults.TimeBudget.TotalMilliseconds:0} ms per run),");
        w.WriteLine("            DOTNET_gcConcurrent=0 as the VS Code extension sets it");
        w.WriteLine($"  file    : {Lines:N0} lines, {text.Length:N0} chars: {Lines / LspScenario.GroupLines} groups of a small table, a show with its golden block, a sync, an expect, a loop");
        w.WriteLine($"  timing  : from the client; medians of {runs} after {warmup} warm-up; diagnostics = didChange sent to its publishDiagnostics received");
        w.WriteLine($"  load    : {load} (2 cores: above 2, other work competes)");
        w.WriteLine();
        w.WriteLine("Latency (ms)");
        var t = new TextTable("<what", "median", "p90", "min", "max", "goal", "");
        Row(t, "diagnostics after a one-character edit", diagnostics, DiagnosticsGoalMs);
        Row(t, "hover on a page name", hovers, HoverGoalMs);
        t.WriteTo(w);
        w.WriteLine($"  (the diagnostics figure includes the {defaults.Debounce.TotalMilliseconds:0} ms debounce: the server waits that long for a next edit before it parses and runs)");
        w.WriteLine($"  CPU time of the server per timed edit, all its threads (load inflates it less than wall time, but does: other jobs share the caches): {cpuPerEdit:F1} ms");
        w.WriteLine($"  the same analysis in this process, medians: parse {stages.Parse:F1} ms, model (names, probe sites) {stages.Model:F1} ms, run under both algorithms with hover recording {stages.Run:F1} ms");
        w.WriteLine();
        w.WriteLine("Memory of the server (mmudsl/memory: managed heap after a full collection; the process's working set)");
        var m = new TextTable("<when", "managed MB", "working set MB");
        m.Add("after opening the file (one analysis)", Mb(afterOpen.ManagedBytes), Mb(afterOpen.WorkingSetBytes));
        m.Add($"after {MemoryEdits:N0} more edits, back to back", Mb(afterEdits.ManagedBytes), Mb(afterEdits.WorkingSetBytes));
        m.Add($"the same, {LanguageServerIdleTrim.TotalSeconds + 1:0} s later (the server trims its heap when idle)", Mb(afterIdle.ManagedBytes), Mb(afterIdle.WorkingSetBytes));
        m.WriteTo(w);
        w.WriteLine();
        ChecksFooter.Write(w, failures, ["Checks: every edit's diagnostics came and were empty; every hover showed the page's show line; shutdown then exit gave 0."], elapsed);
    }

    private static void Row(TextTable t, string what, List<double> ms, double goal)
    {
        var sorted = ms.Order().ToList();
        double p90 = sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(0.9 * sorted.Count) - 1)];
        double median = Stats.Median(ms);
        t.Add(what, TextTable.Num(median), TextTable.Num(p90), TextTable.Num(sorted[0]), TextTable.Num(sorted[^1]), "< " + goal.ToString(CultureInfo.InvariantCulture), median < goal ? "met" : "MISSED");
    }

    private static string Mb(long bytes) => TextTable.Num(bytes / 1024.0 / 1024.0);

    private static void Check(List<string> failures, bool condition, string failure)
    {
        if (!condition && failures.Count < 20)
        {
            failures.Add(failure);
        }
    }

    private static void Progress(string message) => Console.Error.WriteLine("  .. " + message);
}
