using System.ComponentModel;
using System.Diagnostics;

namespace MmuDsl.Mmu.Bench.Harness;

/// <summary>
/// Runs a program to its end and keeps what it printed: the harness's one way of starting gcc,
/// walk.c's binary, spin, SPIN's verifier and GNU time. Standard error is read while standard
/// output is, so that neither pipe can fill and stall the child.
/// </summary>
internal static class ChildProcess
{
    /// <summary>What a finished child printed, and how it exited.</summary>
    public readonly record struct Output(int ExitCode, string Stdout, string Stderr);

    /// <summary>
    /// Runs <paramref name="file"/> with <paramref name="args"/> (in <paramref name="directory"/>
    /// when given). False when it could not be started, with the system's reason in
    /// <paramref name="startError"/>; a child that started and failed is true, with its exit code.
    /// </summary>
    public static bool TryRun(string file, IEnumerable<string> args, string? directory, out Output output, out string startError)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (directory != null)
        {
            psi.WorkingDirectory = directory;
        }

        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        try
        {
            using var process = Process.Start(psi)!;
            var stderrTask = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            output = new Output(process.ExitCode, stdout, stderrTask.GetAwaiter().GetResult());
            startError = "";
            return true;
        }
        catch (Win32Exception e)
        {
            output = default;
            startError = e.Message;
            return false;
        }
    }
}
