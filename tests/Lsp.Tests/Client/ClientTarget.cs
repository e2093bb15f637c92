using System.Threading.Channels;
using MmuDsl.Lsp.Protocol;
using StreamJsonRpc;

namespace MmuDsl.Lsp.Tests.Client;

/// <summary>What the test client answers: the server's publishDiagnostics notifications, queued.</summary>
internal sealed class ClientTarget
{
    public Channel<PublishDiagnosticsParams> Diagnostics { get; } = Channel.CreateUnbounded<PublishDiagnosticsParams>();

    [JsonRpcMethod(MethodNames.PublishDiagnostics, UseSingleObjectParameterDeserialization = true)]
    public void PublishDiagnostics(PublishDiagnosticsParams parameters) => Diagnostics.Writer.TryWrite(parameters);
}
