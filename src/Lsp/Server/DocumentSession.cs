using MmuDsl.Lsp.Analysis;
using MmuDsl.Lsp.Documents;

namespace MmuDsl.Lsp.Server;

/// <summary>
/// An open document: its current version and that version's analysis. Each edit supersedes the
/// analysis of the version before (cancelling its run) and schedules the next one; requests
/// answer from the current version's analysis.
/// </summary>
internal sealed class DocumentSession
{
    private readonly object _lock = new();
    private readonly ServerOptions _options;
    private readonly Func<string, string?> _openText;
    private readonly SemaphoreSlim _runGate;
    private readonly Action<AnalysisJob, Task<RunModel>> _completed;
    private AnalysisJob _job;

    public DocumentSession(OpenDocument document, ServerOptions options, Func<string, string?> openText, SemaphoreSlim runGate, Action<AnalysisJob, Task<RunModel>> completed)
    {
        _options = options;
        _openText = openText;
        _runGate = runGate;
        _completed = completed;
        _job = Start(document);
    }

    public OpenDocument Document
    {
        get
        {
            lock (_lock)
            {
                return _job.Document;
            }
        }
    }

    /// <summary>The job of the current version.</summary>
    public AnalysisJob Current
    {
        get
        {
            lock (_lock)
            {
                return _job;
            }
        }
    }

    /// <summary>Makes <paramref name="document"/> the current version, superseding the analysis of the one before.</summary>
    public void Update(OpenDocument document)
    {
        lock (_lock)
        {
            _job.Supersede();
            _job = Start(document);
        }
    }

    public void Close()
    {
        lock (_lock)
        {
            _job.Supersede();
        }
    }

    /// <summary>The parse of the current version.</summary>
    public Task<SyntaxModel> SyntaxAsync(CancellationToken cancellation) => Current.Syntax.WaitAsync(cancellation);

    /// <summary>
    /// The run of the current version, waiting for it (through the debounce); when a later edit
    /// supersedes it meanwhile, the run of that version. Null when the analysis failed.
    /// </summary>
    public async Task<RunModel?> RunAsync(CancellationToken cancellation)
    {
        while (true)
        {
            var job = Current;
            try
            {
                return await job.Run.WaitAsync(cancellation).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellation.IsCancellationRequested && job.IsSuperseded)
            {
                // Superseded: answer from the newer version.
            }
#pragma warning disable CA1031 // A failed analysis answers "nothing", it does not fail the request.
            catch (Exception) when (!cancellation.IsCancellationRequested)
#pragma warning restore CA1031
            {
                return null;
            }
        }
    }

    /// <summary>True when <paramref name="job"/> is still the current version's.</summary>
    public bool IsCurrent(AnalysisJob job)
    {
        lock (_lock)
        {
            return ReferenceEquals(job, _job) && !job.IsSuperseded;
        }
    }

    private AnalysisJob Start(OpenDocument document)
    {
        var job = new AnalysisJob(document, _options, _openText, _runGate);
        job.Run.ContinueWith(
            t => _completed(job, t),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return job;
    }
}
