using System.Diagnostics;
using Microsoft.VisualStudio.Threading;
using MmuDsl.Lsp.Server;
using StreamJsonRpc;

namespace MmuDsl.Lsp;

/// <summary>
/// <c>mmudsl lsp</c>: serves the Language Server Protocol over a pair of streams (stdin and
/// stdout), framed with <c>Content-Length</c> headers, through StreamJsonRpc. Returns when the
/// client sends <c>exit</c> or closes the input: 0 when <c>shutdown</c> came first, else 1, as the
/// specification says. Nothing but protocol messages is written to the output stream;
/// problems go to the log writer (stderr).
/// </summary>
public static class LspHost
{
    public static async Task<int> RunAsync(Stream input, Stream output, ServerOptions options, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        var formatter = new SystemTextJsonFormatter();
        Protocol.LspStringConverter.Configure(formatter.JsonSerializerOptions);
        var server = new LanguageServer(options, log);
        using var rpc = new JsonRpc(new HeaderDelimitedMessageHandler(output, input, formatter))
        {
            // One message at a time, in the order received: edits apply in order.
            SynchronizationContext = new NonConcurrentSynchronizationContext(sticky: false),
            CancelLocallyInvokedMethodsWhenConnectionIsClosed = true,
        };
        // StreamJsonRpc's own warnings and errors (a message it could not read or write) go to the log.
        rpc.TraceSource = new TraceSource("mmudsl lsp", SourceLevels.Warning);
        rpc.TraceSource.Listeners.Clear();
        rpc.TraceSource.Listeners.Add(new TextWriterTraceListener(log));
        rpc.AddLocalRpcTarget(server, new JsonRpcTargetOptions { DisposeOnDisconnect = false });
        server.Attach(rpc);
        rpc.StartListening();
        await Task.WhenAny(server.Exited, rpc.Completion).ConfigureAwait(false);
        return server.ShutdownRequested ? 0 : 1;
    }
}
