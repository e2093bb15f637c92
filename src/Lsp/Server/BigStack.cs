namespace MmuDsl.Lsp.Server;

/// <summary>
/// Runs an analysis on a thread of its own with a large stack (as the runner does), so that the
/// parser's nesting limits, not the thread pool's stack, decide what is too deep, exactly as on
/// the command line.
/// </summary>
internal static class BigStack
{
    private const int StackSize = 64 * 1024 * 1024;

    public static Task<T> Run<T>(Func<T> work)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(
            () =>
            {
                try
                {
                    done.SetResult(work());
                }
                catch (OperationCanceledException e)
                {
                    done.SetCanceled(e.CancellationToken);
                }
#pragma warning disable CA1031 // The boundary: a bug in an analysis fails that analysis, never the server.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    done.SetException(e);
                }
            },
            StackSize)
        {
            IsBackground = true,
            Name = "mmudsl lsp analysis",
        };
        thread.Start();
        return done.Task;
    }
}
