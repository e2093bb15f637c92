using System.Globalization;
using PuppeteerSharp;

namespace MmuDsl.Html.Tests.Browser;

/// <summary>A report opened in a tab of the shared browser, with what the tests ask of it.</summary>
internal sealed class ReportTab : IAsyncDisposable
{
    private readonly IPage _page;
    private readonly List<string> _errors = [];

    private ReportTab(IPage page)
    {
        _page = page;
        _page.PageError += (_, e) => _errors.Add(e.Message);
        _page.Console += (_, e) =>
        {
            if (e.Message.Type == ConsoleType.Error)
            {
                _errors.Add(e.Message.Text);
            }
        };
    }

    public IPage Page => _page;

    /// <summary>Script errors and console errors seen so far (a test expects none).</summary>
    public IReadOnlyList<string> Errors => _errors;

    public static async Task<ReportTab> OpenAsync(IBrowser browser, string file, int width = 1600, int height = 1000)
    {
        var page = await browser.NewPageAsync();
        var tab = new ReportTab(page);
        try
        {
            await page.SetViewportAsync(new ViewPortOptions { Width = width, Height = height });
            await page.GoToAsync(new Uri(Path.GetFullPath(file)).AbsoluteUri, new NavigationOptions { Timeout = 60_000 });
            await page.WaitForFunctionAsync("() => window.mmuReport && window.mmuReport.firstRenderMs >= 0", new WaitForFunctionOptions { Timeout = 60_000 });
            return tab;
        }
        catch
        {
            await tab.DisposeAsync();
            throw;
        }
    }

    public Task<T> EvalAsync<T>(string script, params object[] args) => _page.EvaluateFunctionAsync<T>(script, args);

    public Task<int> FrameAsync() => EvalAsync<int>("() => window.mmuReport.frame");

    public Task GoToAsync(int frame) => _page.EvaluateFunctionAsync("f => window.mmuReport.goTo(f)", frame);

    /// <summary>The frame after the <paramref name="occurrence"/>-th execution of the statement on <paramref name="line"/> of the main file.</summary>
    public Task<int> FinalFrameOfLineAsync(int line, int occurrence = 1) => EvalAsync<int>(
        @"(line, n) => { const r = window.mmuReport; const i = r.data.steps.findIndex(s => s.f === 0 && s.l === line && s.n === n);
            if (i < 0) throw new Error('no step at line ' + line); return r.finalOf(i); }", line, occurrence);

    /// <summary>The first frame of that statement (its first stage, when it has stages).</summary>
    public Task<int> FirstFrameOfLineAsync(int line, int occurrence = 1) => EvalAsync<int>(
        @"(line, n) => { const s = window.mmuReport.data.steps.find(s => s.f === 0 && s.l === line && s.n === n);
            if (!s) throw new Error('no step at line ' + line); return s.first; }", line, occurrence);

    public Task PressAsync(string key) => _page.Keyboard.PressAsync(key);

    public Task<string> TextAsync(string selector) => EvalAsync<string>("s => { const e = document.querySelector(s); return e ? e.textContent : null; }", selector);

    public Task<string[]> ClassesAsync(string selector) => EvalAsync<string[]>("s => { const e = document.querySelector(s); return e ? Array.from(e.classList) : []; }", selector);

    public Task<int> CountAsync(string selector) => EvalAsync<int>("s => document.querySelectorAll(s).length", selector);

    /// <summary>A computed style property of the first element matching <paramref name="selector"/>.</summary>
    public Task<string> StyleAsync(string selector, string property) => EvalAsync<string>(
        "(s, p) => { const e = document.querySelector(s); return e ? getComputedStyle(e).getPropertyValue(p) : null; }", selector, property);

    public static string Node(string algorithm, string page) => $"#pane-{algorithm} g.node[data-page=\"{page}\"]";

    public static string Bit(string algorithm, string page, int bit) =>
        $"{Node(algorithm, page)} tspan.bit[data-bit=\"{bit.ToString(CultureInfo.InvariantCulture)}\"]";

    /// <summary>A screenshot in artifacts/html-tests/ (the test's output); returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        string path = Path.Combine(Repo.Artifacts, name + ".png");
        await _page.ScreenshotAsync(path, new ScreenshotOptions { FullPage = false });
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _page.CloseAsync();
        }
        catch (PuppeteerException)
        {
        }

        _page.Dispose();
    }
}
