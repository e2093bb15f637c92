using System.Globalization;
using System.Text.RegularExpressions;

namespace MmuDsl.Mmu.Bench.Harness;

/// <summary>
/// SPIN's verifier of the anchor model (bench/spin/unsync.pml, a copy of
/// the team's SPIN anchor) for one K: generated with <c>spin -DK=K -DPVEC=N -a</c>, compiled with
/// <c>gcc -O2 -DSAFETY</c> as the anchor's README does, in a folder of its own under
/// bench/spin/out/ (git-ignored), and run as <c>./pan -m100000</c>.
/// </summary>
internal sealed partial class SpinVerifier
{
    private readonly string _directory;

    private SpinVerifier(string directory, int k)
    {
        _directory = directory;
        K = k;
    }

    public int K { get; }

    /// <summary>Why SPIN cannot run here (with how to install it), or null.</summary>
    public static string? Missing()
    {
        if (!TryRun("spin", ["-V"], Environment.CurrentDirectory, out _, out _))
        {
            return "SPIN is not installed: apt-get install -y spin (Debian's spin 6.5.2; the benchmark installs nothing itself)";
        }

        return TryRun("gcc", ["--version"], Environment.CurrentDirectory, out _, out _) ? null : "gcc is needed to compile SPIN's verifier: apt-get install -y gcc";
    }

    /// <summary>SPIN's version line (<c>spin -V</c>).</summary>
    public static string Version() =>
        TryRun("spin", ["-V"], Environment.CurrentDirectory, out string v, out _) ? v.Trim() : "?";

    /// <summary>Generates and compiles the verifier of <paramref name="model"/> for <paramref name="k"/> operations and batch capacity <paramref name="pvec"/>; null with <paramref name="error"/> on failure.</summary>
    public static SpinVerifier? Build(string model, int k, int pvec, string outDirectory, out string error)
    {
        string directory = Path.Combine(outDirectory, FormattableString.Invariant($"k{k}-pvec{pvec}"));
        Directory.CreateDirectory(directory);
        File.Copy(model, Path.Combine(directory, "unsync.pml"), overwrite: true);
        if (!TryRun("spin", [FormattableString.Invariant($"-DK={k}"), FormattableString.Invariant($"-DPVEC={pvec}"), "-a", "unsync.pml"], directory, out _, out error)
            || !TryRun("gcc", ["-O2", "-DSAFETY", "-o", "pan", "pan.c"], directory, out _, out error))
        {
            return null;
        }

        return new SpinVerifier(directory, k);
    }

    /// <summary>One run of the verifier; null with <paramref name="error"/> when it failed or printed something else.</summary>
    public SpinRun? Run(out string error)
    {
        if (!PeakMemory.TryRun(Path.Combine(_directory, "pan"), ["-m100000"], _directory, out string output, out long peak, out double cpu, out error))
        {
            return null;
        }

        var stored = Stored().Match(output);
        var transitions = TransitionCount().Match(output);
        var errors = Errors().Match(output);
        var elapsed = Elapsed().Match(output);
        if (!stored.Success || !transitions.Success || !errors.Success || !elapsed.Success)
        {
            error = "pan printed something else than its statistics: " + output.Trim();
            return null;
        }

        return new SpinRun(
            long.Parse(stored.Groups[1].Value, CultureInfo.InvariantCulture),
            long.Parse(transitions.Groups[1].Value, CultureInfo.InvariantCulture),
            double.Parse(elapsed.Groups[1].Value, CultureInfo.InvariantCulture),
            int.Parse(errors.Groups[1].Value, CultureInfo.InvariantCulture),
            peak,
            cpu);
    }

    private static bool TryRun(string file, IEnumerable<string> args, string directory, out string stdout, out string error)
    {
        if (!ChildProcess.TryRun(file, args, directory, out var run, out string startError))
        {
            stdout = "";
            error = $"cannot start {file}: {startError}";
            return false;
        }

        stdout = run.Stdout;
        error = run.ExitCode == 0 ? "" : $"{file} exited with {run.ExitCode}: {(run.Stderr + run.Stdout).Trim()}";
        return run.ExitCode == 0;
    }

    [GeneratedRegex(@"^\s*(\d+) states, stored", RegexOptions.Multiline)]
    private static partial Regex Stored();

    [GeneratedRegex(@"^\s*(\d+) transitions \(= stored\+matched\)", RegexOptions.Multiline)]
    private static partial Regex TransitionCount();

    [GeneratedRegex(@"errors: (\d+)")]
    private static partial Regex Errors();

    [GeneratedRegex(@"pan: elapsed time ([0-9.e+-]+) seconds")]
    private static partial Regex Elapsed();
}
