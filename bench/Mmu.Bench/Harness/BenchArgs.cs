using System.Globalization;

namespace MmuDsl.Mmu.Bench.Harness;

/// <summary>
/// The options every benchmark takes: <c>--runs N</c>, <c>--warmup N</c>, and benchmark-specific
/// options with a text value, each as <c>--name value</c>.
/// </summary>
internal static class BenchArgs
{
    /// <summary>Prints why the options were refused and the usage on stderr; returns exit code 2 ("could not run").</summary>
    public static int Refuse(string error, string usage)
    {
        Console.Error.WriteLine(error);
        Console.Error.WriteLine(usage);
        return 2;
    }

    /// <summary>Parses <c>--runs</c>, <c>--warmup</c> and the benchmark's own text options; false with the reason on a bad one.</summary>
    public static bool TryParse(
        IReadOnlyList<string> args,
        int minRuns,
        ref int runs,
        ref int warmup,
        IReadOnlyDictionary<string, Action<string>> textOptions,
        out string error)
    {
        for (int i = 0; i < args.Count; i++)
        {
            string name = args[i];
            if (i + 1 >= args.Count)
            {
                error = $"option '{name}' needs a value";
                return false;
            }

            string value = args[++i];
            if (textOptions.TryGetValue(name, out var set))
            {
                set(value);
                continue;
            }

            if (name is not ("--runs" or "--warmup"))
            {
                error = $"unknown option '{name}'";
                return false;
            }

            if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n))
            {
                error = $"option '{name}' needs a whole number, not '{value}'";
                return false;
            }

            if (name == "--runs" ? n < minRuns : n < 0)
            {
                error = $"option '{name}' {value} is too small (runs: at least {minRuns}; warmup: at least 0)";
                return false;
            }

            if (name == "--runs")
            {
                runs = n;
            }
            else
            {
                warmup = n;
            }
        }

        error = "";
        return true;
    }
}
