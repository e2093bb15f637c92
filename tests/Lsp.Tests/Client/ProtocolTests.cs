using System.Diagnostics;
using MmuDsl.Lsp.Protocol;

namespace MmuDsl.Lsp.Tests.Client;

/// <summary>Debouncing, superseded runs and $/cancelRequest, seen from a client.</summary>
public sealed class ProtocolTests
{
    private static readonly string Uri = Repo.UriOf(Path.Combine(Repo.Root, "scenarios", "protocol-test.mmu"));

    [Fact]
    public async Task BurstOfEdits_OnlyTheLastVersionIsPublished()
    {
        await using var server = LspServerProcess.Start("--debounce-ms", "300");
        await server.InitializeAsync();
        await server.OpenAsync(Uri, "root R level 2\n");
        Assert.Empty((await server.DiagnosticsAsync(Uri, 1)).Diagnostics);

        // Twenty edits, each making the file wrong in a new way, the last one right again.
        for (int version = 2; version <= 21; version++)
        {
            string text = version == 21 ? "root R level 2\nexpect R.level == 2\n" : $"root R level 2\nexpect R.level == {version + 100}\n";
            await server.ChangeAsync(Uri, version, new TextDocumentContentChangeEvent(null, text));
        }

        Assert.Empty((await server.DiagnosticsAsync(Uri, 21)).Diagnostics);
        Assert.Equal([1, 21], server.Seen.Select(p => p.Version));
    }

    [Fact]
    public async Task LongRunSupersededByAnEdit_IsCancelled_AndTheNewVersionIsPublishedAtOnce()
    {
        await using var server = LspServerProcess.Start("--debounce-ms", "10", "--time-budget-ms", "60000");
        await server.InitializeAsync();
        await server.OpenAsync(Uri, "for i in 0..100000000 {\n}\n");
        await Task.Delay(500);
        var clock = Stopwatch.StartNew();
        await server.ChangeAsync(Uri, 2, new TextDocumentContentChangeEvent(null, "root R level 2\nexpect R.level == 3\n"));
        var published = await server.DiagnosticsAsync(Uri, 2);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}: the stale run was not cancelled");
        Assert.StartsWith("expectation failed: R.level == 3", Assert.Single(published.Diagnostics).Message, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Seen, p => p.Version == 1);
    }

    [Fact]
    public async Task CancelRequest_EndsAHoverThatWaitsForALongRun()
    {
        // A loop no run could finish in the budget: only the cancellation ends the hover.
        await using var server = LspServerProcess.Start("--debounce-ms", "10", "--time-budget-ms", "600000", "--max-loop-iterations", "1000000000000000");
        await server.InitializeAsync();
        await server.OpenAsync(Uri, "root R level 2\nfor i in 0..1000000000000000 {\n}\nshow R\n");
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var clock = Stopwatch.StartNew();
        var hover = server.RequestAsync<Hover?>(MethodNames.Hover, new TextDocumentPositionParams(new TextDocumentIdentifier(Uri), new Position(3, 5)), cts.Token);
        var thrown = await Record.ExceptionAsync(() => hover);
        Assert.IsAssignableFrom<OperationCanceledException>(thrown);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");

        // The server goes on answering.
        var symbols = await server.RequestAsync<DocumentSymbol[]>(MethodNames.DocumentSymbol, new DocumentSymbolParams(new TextDocumentIdentifier(Uri)));
        Assert.Equal("R", Assert.Single(symbols).Name);
    }
}
