using System.Diagnostics;
using PuppeteerSharp;
using Xunit.Abstractions;

namespace MmuDsl.Html.Tests.Browser;

/// <summary>
/// One headless Debian Chromium for the browser tests, started with flags that work on a closed
/// network and a fresh profile, and always stopped at the end (closed, then its process tree
/// killed by pid if it is still there), whatever the tests did.
/// </summary>
public sealed class BrowserFixture(IMessageSink sink) : IAsyncLifetime
{
    private static readonly string[] Flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--hide-scrollbars", "--mute-audio", "--remote-debugging-port=0",
    ];

    private IBrowser? _browser;
    private string? _profile;
    private int _pid = -1;

    /// <summary>The browser.</summary>
    public IBrowser Browser => _browser ?? throw new InvalidOperationException("the browser did not start");

    /// <summary>What the set-up did (installing Chromium, the version started).</summary>
    public List<string> Log { get; } = [];

    /// <summary>Prints a line in the test run's output (an xunit diagnostic message) and keeps it in artifacts/html-tests/figures.txt.</summary>
    public void Print(string line)
    {
        sink.OnMessage(new Xunit.Sdk.DiagnosticMessage(line));
        lock (Log)
        {
            File.AppendAllText(Path.Combine(Repo.Artifacts, "figures.txt"), $"{DateTime.UtcNow:u} {line}\n");
        }
    }

    public async Task InitializeAsync()
    {
        string executable = Chromium.Ensure(line =>
        {
            Log.Add(line);
            Print(line);
        });
        _profile = Directory.CreateTempSubdirectory("mmudsl-chromium-profile-").FullName;
        _browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            IgnoreDefaultArgs = true,
            Args = [.. Flags, $"--user-data-dir={_profile}"],
            Timeout = 60_000,
        });
        _pid = _browser.Process?.Id ?? -1;
        Log.Add($"started {executable} (pid {_pid}): {await _browser.GetVersionAsync()}");
        Print(Log[^1]);
    }

    public async Task DisposeAsync()
    {
        if (_browser != null)
        {
            try
            {
                await _browser.CloseAsync().WaitAsync(TimeSpan.FromSeconds(20));
            }
            catch (Exception e) when (e is TimeoutException or PuppeteerException or IOException or InvalidOperationException)
            {
                // Killed below.
            }

            _browser.Dispose();
        }

        if (_pid > 0)
        {
            try
            {
                using var process = Process.GetProcessById(_pid);
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
            catch (ArgumentException)
            {
                // Already gone: the usual case.
            }
            catch (InvalidOperationException)
            {
            }
        }

        if (_profile != null)
        {
            try
            {
                Directory.Delete(_profile, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
