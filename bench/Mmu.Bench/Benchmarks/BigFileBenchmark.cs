using System.Diagnostics;
using System.Globalization;
using System.Text;
using MmuDsl.Dsl.Runtime;
using MmuDsl.Dsl.Scenarios;
using MmuDsl.Dsl.Syntax;
using MmuDsl.Mmu.Bench.Harness;

namespace MmuDsl.Mmu.Bench.Benchmarks;

/// <summary>
/// <c>bigfile</c>: memory and time of very large scripts (issue 14, item 4). For each shape (20 MB
/// of <c>let x = 1</c>, and 1,000,000 <c>page</c> lines), it measures, in this process, the syntax
/// tree's retained bytes per statement and the parse's allocation; the interpreter's retained bytes
/// per statement after one algorithm's run; and, in a child process of its own (so the figure is
/// that run's alone), the whole of <c>ScenarioRunner.RunFile</c> under the default algorithms (read,
/// parse, run, golden blocks), output written as produced: wall time and peak resident memory
/// (VmHWM). Goal: a 20 MB script in under 1 GB and 10 s.
/// </summary>
internal sealed class BigFileBenchmark : IBenchmark
{
    private const long GoalBytes = 1_000_000_000;
    private static readonly TimeSpan GoalTime = TimeSpan.FromSeconds(10);

    public string Name => "bigfile";

    public string Summary => "memory per statement and the peak and time of a 20 MB script (let lines; page lines)";

    public int Run(IReadOnlyList<string> args, TextWriter output)
    {
        if (args.Count == 2 && args[0] == "--child")
        {
            return Child(args[1], output);
        }

        int megabytes = 20;
        int pages = 1_000_000;
        int runs = 1, warmup = 0;
        var text = new Dictionary<string, Action<string>>
        {
            ["--mb"] = v => megabytes = int.Parse(v, CultureInfo.InvariantCulture),
            ["--pages"] = v => pages = int.Parse(v, CultureInfo.InvariantCulture),
        };
        if (!BenchArgs.TryParse(args, 1, ref runs, ref warmup, text, out string error))
        {
            return BenchArgs.Refuse(error, "options: --mb N (size of the let file, default 20)  --pages N (page lines, default 1,000,000)");
        }

        var clock = Stopwatch.StartNew();
        string dir = Path.Combine(Path.GetTempPath(), "mmudsl-bigfile-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(dir);
        var rows = new List<Row>();
        var failures = new List<string>();
        try
        {
            int letLines = megabytes * 1_000_000 / "let x = 1\n".Length;
            rows.Add(Measure(dir, $"let x = 1 ({megabytes} MB)", Repeat("let x = 1\n", letLines), letLines, failures));
            var sb = new StringBuilder(pages * 24);
            for (int i = 0; i < pages; i++)
            {
                sb.Append("page P").Append(i.ToString(CultureInfo.InvariantCulture)).Append(" level 1\n");
            }

            rows.Add(Measure(dir, $"page Pn level 1 ({pages:N0} lines)", sb.ToString(), pages, failures));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }

        output.WriteLine("MmuDsl benchmark: bigfile (very large scripts: memory per statement, and a whole run's peak and time)");
        output.WriteLine($"  machine : {Environment.ProcessorCount} logical cores, .NET {Environment.Version}");
        output.WriteLine("  tree    : bytes the syntax tree retains per statement (GC.GetTotalMemory after a full collection, the ParseResult alive); parse allocation per statement");
        output.WriteLine("  interp. : bytes one algorithm's run retains per statement beyond the tree (the engine, the run's record)");
        output.WriteLine("  run     : a child process running ScenarioRunner.RunFile (read, parse, both algorithms, output written as produced): wall time,");
        output.WriteLine("            CPU time (user + system, all threads), peak RSS (VmHWM); the goal is judged on CPU time, scaled to 20 MB: on a");
        output.WriteLine($"            shared machine wall time measures the other jobs too (load average now {LoadAverage()})");
        output.WriteLine();
        var table = new TextTable("script", "MB", "statements", "tree B/stmt", "parse alloc B/stmt", "interp. B/stmt", "wall s", "CPU s", "peak MB", "goal (<1 GB, <10 s per 20 MB)");
        foreach (var r in rows)
        {
            double scale = 20.0 * 1_000_000 / r.Bytes;
            bool memory = r.PeakBytes * scale < GoalBytes;
            bool time = r.CpuTime.TotalSeconds * scale < GoalTime.TotalSeconds;
            table.Add(
                r.Name,
                (r.Bytes / 1e6).ToString("0.0", CultureInfo.InvariantCulture),
                r.Statements.ToString("N0", CultureInfo.InvariantCulture),
                (r.TreeBytes / r.Statements).ToString("0", CultureInfo.InvariantCulture),
                (r.ParseAllocated / r.Statements).ToString("0", CultureInfo.InvariantCulture),
                (r.InterpreterBytes / r.Statements).ToString("0", CultureInfo.InvariantCulture),
                r.RunTime.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture),
                r.CpuTime.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture),
                (r.PeakBytes / 1e6).ToString("0", CultureInfo.InvariantCulture),
                memory && time ? "met" : $"MISSED ({(memory ? string.Empty : "memory")}{(memory || time ? string.Empty : ", ")}{(time ? string.Empty : "time")})");
        }

        table.WriteTo(output);
        foreach (var f in failures)
        {
            output.WriteLine("FAIL: " + f);
        }

        output.WriteLine($"({clock.Elapsed.TotalSeconds:0} s)");
        return failures.Count == 0 ? 0 : 1;
    }

    private sealed record Row(string Name, long Bytes, int Statements, double TreeBytes, double ParseAllocated, double InterpreterBytes, TimeSpan RunTime, TimeSpan CpuTime, long PeakBytes);

    private static string Repeat(string line, int count) => new StringBuilder(line.Length * count).Insert(0, line, count).ToString();

    private static Row Measure(string dir, string name, string text, int statements, List<string> failures)
    {
        string path = Path.Combine(dir, "big.mmu");
        File.WriteAllText(path, text);
        long bytes = new FileInfo(path).Length;
        Console.Error.WriteLine($"bigfile: {name}: parse");

        long before = GC.GetTotalMemory(forceFullCollection: true);
        long allocated0 = GC.GetTotalAllocatedBytes(precise: true);
        var parsed = ScenarioParser.Parse(path, text);
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated0;
        long tree = GC.GetTotalMemory(forceFullCollection: true) - before;
        if (parsed.File.Statements.Length != statements || parsed.Diagnostics.Length != 0)
        {
            failures.Add($"{name}: {parsed.File.Statements.Length} statements and {parsed.Diagnostics.Length} diagnostics, not {statements} and none");
        }

        GC.KeepAlive(parsed);

        Console.Error.WriteLine($"bigfile: {name}: one algorithm's run");
        before = GC.GetTotalMemory(forceFullCollection: true);
        var result = ScenarioRunner.RunText(path, text, RunOptions.Default with { Algorithms = ["legacy"] }, TextWriter.Null);
        long afterRun = GC.GetTotalMemory(forceFullCollection: true) - before;
        if (result.ExitCode != 0)
        {
            failures.Add($"{name}: exit {result.ExitCode}: {string.Concat(result.Errors.Take(2))}");
        }

        GC.KeepAlive(result);
        GC.Collect();

        Console.Error.WriteLine($"bigfile: {name}: a whole run in a child process");
        var (time, cpu, peak, exit) = RunChild(path);
        if (exit != 0)
        {
            failures.Add($"{name}: the child run exited {exit}");
        }

        // What the run retains besides the tree it holds (its file text is counted in neither).
        return new Row(name, bytes, statements, tree, allocated, Math.Max(0, afterRun - tree), time, cpu, peak);
    }

    private static (TimeSpan Time, TimeSpan Cpu, long Peak, int Exit) RunChild(string path)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false, RedirectStandardOutput = true };
        string self = typeof(BigFileBenchmark).Assembly.Location;
        if (!Path.GetFileNameWithoutExtension(Environment.ProcessPath!).Equals("MmuDsl.Mmu.Bench", StringComparison.Ordinal))
        {
            start.ArgumentList.Add(self);
        }

        start.ArgumentList.Add("bigfile");
        start.ArgumentList.Add("--child");
        start.ArgumentList.Add(path);
        using var child = Process.Start(start)!;
        string line = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        var parts = line.Trim().Split(' ');
        if (child.ExitCode != 0 || parts.Length != 4)
        {
            return (TimeSpan.Zero, TimeSpan.Zero, 0, child.ExitCode == 0 ? 1 : child.ExitCode);
        }

        var inv = CultureInfo.InvariantCulture;
        return (TimeSpan.FromMilliseconds(double.Parse(parts[0], inv)), TimeSpan.FromMilliseconds(double.Parse(parts[1], inv)), long.Parse(parts[2], inv), int.Parse(parts[3], inv));
    }

    // The child: one whole run, then "milliseconds peak-bytes exit-code".
    private static int Child(string path, TextWriter output)
    {
        var clock = Stopwatch.StartNew();
        var result = ScenarioRunner.RunFile(path, RunOptions.Default, TextWriter.Null);
        clock.Stop();
        double cpu = Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{clock.Elapsed.TotalMilliseconds:0} {cpu:0} {PeakResident()} {result.ExitCode}"));
        return 0;
    }

    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static long PeakResident()
    {
        foreach (string line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
        }

        return Process.GetCurrentProcess().PeakWorkingSet64;
    }
}
