using System.Globalization;

namespace MmuDsl.Mmu.Bench.Harness;

/// <summary>
/// Runs a program under GNU time (<c>/usr/bin/time -f %M</c>, Debian package <c>time</c>) to have
/// its peak resident memory and processor time (user + system), so that two tools are measured
/// alike, each in a process of its own.
/// </summary>
internal static class PeakMemory
{
    private const string Time = "/usr/bin/time";
    private const string Marker = "peak-rss-kb ";

    /// <summary>Why it cannot measure, or null when it can.</summary>
    public static string? Missing() =>
        File.Exists(Time) ? null : $"{Time} is needed to measure peak memory: apt-get install -y time";

    /// <summary>
    /// Runs <paramref name="file"/> with <paramref name="args"/> in <paramref name="directory"/>;
    /// its standard output, its peak resident set in bytes and its processor seconds. False with <paramref name="error"/>
    /// when it could not start or exited with an error.
    /// </summary>
    public static bool TryRun(string file, IEnumerable<string> args, string directory, out string stdout, out long peakBytes, out double cpuSeconds, out string error)
    {
        stdout = "";
        peakBytes = 0;
        cpuSeconds = 0;
        if (!ChildProcess.TryRun(Time, ["-f", Marker + "%M %U %S", file, .. args], directory, out var run, out string startError))
        {
            error = $"cannot start {file}: {startError}";
            return false;
        }

        stdout = run.Stdout;
        string? line = run.Stderr.Split('\n').LastOrDefault(l => l.StartsWith(Marker, StringComparison.Ordinal));
        if (run.ExitCode != 0 || line == null)
        {
            error = $"{file} exited with {run.ExitCode}: {run.Stderr.Trim()}";
            return false;
        }

        string[] f = line[Marker.Length..].Trim().Split(' ');
        peakBytes = long.Parse(f[0], CultureInfo.InvariantCulture) * 1024;
        cpuSeconds = double.Parse(f[1], CultureInfo.InvariantCulture) + double.Parse(f[2], CultureInfo.InvariantCulture);
        error = "";
        return true;
    }
}
