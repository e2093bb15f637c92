using MmuDsl.Lsp.Analysis;
using MmuDsl.Lsp.Documents;

namespace MmuDsl.Lsp.Server;

/// <summary>
/// The analysis of one document version. Its parse starts when a request needs it or when the
/// debounce after the edit has passed; its run starts after the debounce, one run at a time in
/// the whole server (the run gate), and stops early when a later edit supersedes the
/// version (<see cref="Supersede"/>): while it waits, or between two statements of the script.
/// </summary>
internal sealed class AnalysisJob
{
    private readonly CancellationTokenSource _superseded = new();
    private readonly Lazy<Task<SyntaxModel>> _syntax;

    public AnalysisJob(OpenDocument document, ServerOptions options, Func<string, string?> openText, SemaphoreSlim runGate)
    {
        Document = document;
        _syntax = new Lazy<Task<SyntaxModel>>(() => BigStack.Run(() => Analyzer.Parse(document, options, openText)), LazyThreadSafetyMode.ExecutionAndPublication);
        var token = _superseded.Token;
        Run = RunAsync(options, openText, runGate, token);
    }

    public OpenDocument Document { get; }

    /// <summary>The parse (started now if it was not).</summary>
    public Task<SyntaxModel> Syntax => _syntax.Value;

    /// <summary>The run; cancelled when superseded.</summary>
    public Task<RunModel> Run { get; }

    public bool IsSuperseded => _superseded.IsCancellationRequested;

    public void Supersede()
    {
        try
        {
            _superseded.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task<RunModel> RunAsync(ServerOptions options, Func<string, string?> openText, SemaphoreSlim runGate, CancellationToken superseded)
    {
        await Task.Delay(options.Debounce, superseded).ConfigureAwait(false);
        await runGate.WaitAsync(superseded).ConfigureAwait(false);
        try
        {
            var syntax = await Syntax.ConfigureAwait(false);
            superseded.ThrowIfCancellationRequested();
            return await BigStack.Run(() => Analyzer.Run(syntax, options, openText, superseded)).ConfigureAwait(false);
        }
        finally
        {
            runGate.Release();
        }
    }
}
