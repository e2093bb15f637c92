using MmuDsl.Mmu.Bench.Benchmarks;
using MmuDsl.Mmu.Bench.Harness;

namespace MmuDsl.Mmu.Bench;

/// <summary>Entry point: <c>MmuDsl.Mmu.Bench BENCHMARK [options]</c>.</summary>
internal static class Program
{
    // One entry per benchmark, one file per benchmark under Benchmarks/.
    private static readonly IBenchmark[] Benchmarks =
    [
        new EngineBenchmark(),
        new EngineHotBenchmark(),
        new ExploreBenchmark(),
        new HtmlBenchmark(),
        new ExploreVsSpinBenchmark(),
        new InterpreterBenchmark(),
        new LspBenchmark(),
        new ParseBenchmark(),
        new PluginBenchmark(),
        new BigFileBenchmark(),
    ];

    private static int Main(string[] args)
    {
        var output = Console.Out;
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            PrintUsage(output);
            return args.Length == 0 ? 2 : 0;
        }

        var benchmark = Array.Find(Benchmarks, b => b.Name == args[0]);
        if (benchmark == null)
        {
            Console.Error.WriteLine($"unknown benchmark '{args[0]}'");
            PrintUsage(Console.Error);
            return 2;
        }

        if (!BuildInfo.IsOptimized)
        {
            Console.Error.WriteLine("this is a Debug build: timings would be meaningless. Run it as");
            Console.Error.WriteLine($"  dotnet run -c Release --project bench/Mmu.Bench -- {benchmark.Name}");
            return 2;
        }

        return benchmark.Run(args[1..], output);
    }

    private static void PrintUsage(TextWriter w)
    {
        w.WriteLine("usage: dotnet run -c Release --project bench/Mmu.Bench -- BENCHMARK [options]");
        w.WriteLine();
        w.WriteLine("benchmarks:");
        foreach (var b in Benchmarks)
        {
            w.WriteLine($"  {b.Name,-16} {b.Summary}");
        }

        w.WriteLine();
        w.WriteLine("Exit codes: 0 ran (goals may be missed: the table says so), 1 FAIL (a correctness check), 2 could not run.");
    }
}
