using System.Diagnostics;

namespace MmuDsl.Html.Tests.Browser;

/// <summary>
/// Debian's Chromium, the only browser these tests use (never a downloaded one). When it is
/// missing, the set-up installs it with <c>apt-get install -y chromium</c>, as root (CI runs as
/// root); one install at a time across test processes, behind a lock file.
/// </summary>
internal static class Chromium
{
    public const string Executable = "/usr/bin/chromium";

    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(20);

    /// <summary>The browser's path, installed first if need be; throws with what to do when it cannot be.</summary>
    public static string Ensure(Action<string> log)
    {
        if (File.Exists(Executable))
        {
            return Executable;
        }

        if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/apt-get"))
        {
            throw new InvalidOperationException($"the browser tests need Debian's Chromium at {Executable}; this machine has no apt-get to install it");
        }

        if (!IsRoot())
        {
            throw new InvalidOperationException($"the browser tests need Debian's Chromium at {Executable}: install it with `sudo apt-get install -y chromium`, or run the tests as root (as CI does) and they install it");
        }

        using var gate = Lock();
        if (File.Exists(Executable))
        {
            return Executable;
        }

        log("installing Debian's chromium with apt-get (the browser tests need it)");
        // DPkg::Lock::Timeout: wait for another apt or dpkg run on the machine instead of failing.
        var (code, output) = AptGet("-o DPkg::Lock::Timeout=600 install -y chromium");
        if (code != 0 || !File.Exists(Executable))
        {
            log("apt-get install failed; updating the package lists and trying again");
            AptGet("-o DPkg::Lock::Timeout=600 update");
            (code, output) = AptGet("-o DPkg::Lock::Timeout=600 install -y chromium");
        }

        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"apt-get install -y chromium did not install {Executable} (exit {code}):\n{Tail(output)}");
        }

        log($"installed {Executable}");
        return Executable;
    }

    private static bool IsRoot()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("Uid:", StringComparison.Ordinal))
            {
                var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                return fields.Length > 2 && fields[2] == "0";
            }
        }

        return false;
    }

    private static (int Code, string Output) AptGet(string arguments)
    {
        var info = new ProcessStartInfo("/usr/bin/apt-get", arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start apt-get");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(InstallTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"apt-get {arguments} did not finish within {InstallTimeout.TotalMinutes} minutes");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    // An exclusive lock on a file in /tmp: another test process installing waits here.
    private static FileStream Lock()
    {
        var deadline = DateTime.UtcNow + InstallTimeout;
        while (true)
        {
            try
            {
                return new FileStream(Path.Combine(Path.GetTempPath(), "mmudsl-chromium-install.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(500);
            }
        }
    }

    private static string Tail(string text) => text.Length <= 3000 ? text : "..." + text[^3000..];
}
