namespace MmuDsl.Mmu.Bench;

/// <summary>
/// One benchmark, run as a subcommand (<c>dotnet run -c Release --project bench/Mmu.Bench -- NAME</c>).
/// Add a benchmark: one file under Benchmarks/ implementing this, and one line in
/// <see cref="Program"/>'s list.
/// </summary>
internal interface IBenchmark
{
    /// <summary>The subcommand name.</summary>
    string Name { get; }

    /// <summary>One line for the usage text.</summary>
    string Summary { get; }

    /// <summary>
    /// Runs the benchmark and prints its table to <paramref name="output"/>. Returns the process
    /// exit code: 0 ran (goals may still be missed, the table says so), 1 a correctness check
    /// failed (FAIL printed), 2 could not run (bad arguments, missing tool).
    /// </summary>
    int Run(IReadOnlyList<string> args, TextWriter output);
}
