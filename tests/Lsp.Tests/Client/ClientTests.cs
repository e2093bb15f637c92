using MmuDsl.Lsp.Protocol;

namespace MmuDsl.Lsp.Tests.Client;

/// <summary>
/// <c>mmudsl lsp</c> as a separate process, driven over stdio by a StreamJsonRpc client: the
/// session an editor has with it, from initialize to exit.
/// </summary>
public sealed class ClientTests
{
    private static readonly string Untitled = Repo.UriOf(Path.Combine(Repo.Root, "scenarios", "editor-test-untitled.mmu"));

    [Fact]
    public async Task Session_SyntaxErrorThenIncrementalFix_DiagnosticHasItsRangeThenClears()
    {
        await using var server = LspServerProcess.Start("--debounce-ms", "10");
        var init = await server.InitializeAsync();
        Assert.Equal(TextDocumentSyncKind.Incremental, init.Capabilities.TextDocumentSync.Change);
        Assert.True(init.Capabilities.HoverProvider && init.Capabilities.DefinitionProvider && init.Capabilities.DocumentFormattingProvider);

        await server.OpenAsync(Untitled, "root R level 4\nlink R[0] P3\npage P3 level 3\n", version: 1);
        var broken = await server.DiagnosticsAsync(Untitled, 1);
        var error = Assert.Single(broken.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Equal("expected '->' after ']', found 'P3'", error.Message);
        Assert.Equal(new Protocol.Range(new Position(1, 10), new Position(1, 12)), error.Range);

        // Insert "-> " before P3: an edit of a range, not the whole text.
        await server.ChangeAsync(Untitled, 2, Repo.Edit(1, 10, 1, 10, "-> "));
        var fixedOnes = await server.DiagnosticsAsync(Untitled, 2);
        Assert.Contains(fixedOnes.Diagnostics, d => d.Message.Contains("unknown page 'P3'", StringComparison.Ordinal));

        // Move the page above the link: two edits in one change, applied in order.
        await server.ChangeAsync(Untitled, 3, Repo.Edit(2, 0, 3, 0, string.Empty), Repo.Edit(1, 0, 1, 0, "page P3 level 3\n"));
        var clean = await server.DiagnosticsAsync(Untitled, 3);
        Assert.Empty(clean.Diagnostics);

        Assert.Equal(0, await server.ShutdownAsync());
    }

    [Fact]
    public async Task ShippedScenario_HoverShowsThePagePerAlgorithm_DefinitionFindsItsPageStatement()
    {
        string path = Repo.Scenario("basics/01-first-scenario.mmu");
        string uri = Repo.UriOf(path);
        await using var server = LspServerProcess.Start("--debounce-ms", "10");
        await server.InitializeAsync();
        await server.OpenAsync(uri, await File.ReadAllTextAsync(path));
        Assert.Empty((await server.DiagnosticsAsync(uri, 1)).Diagnostics);

        // Line 11 (0-based 10) is "unsync L": L after it, under both algorithms.
        var hover = await server.RequestAsync<Hover>(MethodNames.Hover, new TextDocumentPositionParams(new TextDocumentIdentifier(uri), new Position(10, 7)));
        Assert.Contains("legacy, recursive  L L1 unsync", hover.Contents.Value, StringComparison.Ordinal);
        Assert.Equal(new Protocol.Range(new Position(10, 7), new Position(10, 8)), hover.Range);

        // "sync R" on line 20 (0-based 19), hovered on R: R after the sync.
        var afterSync = await server.RequestAsync<Hover>(MethodNames.Hover, new TextDocumentPositionParams(new TextDocumentIdentifier(uri), new Position(19, 5)));
        Assert.Contains("R L4 root unsync_children=0 bitmap={}", afterSync.Contents.Value, StringComparison.Ordinal);

        // "link P2[2] -> L" (0-based line 8): L is declared on line 6 (0-based 5).
        var definition = await server.RequestAsync<Location[]>(MethodNames.Definition, new TextDocumentPositionParams(new TextDocumentIdentifier(uri), new Position(8, 14)));
        var target = Assert.Single(definition);
        Assert.Equal(uri, target.Uri);
        Assert.Equal(new Protocol.Range(new Position(5, 5), new Position(5, 6)), target.Range);

        Assert.Equal(0, await server.ShutdownAsync());
    }

    [Fact]
    public async Task FailedExpectUnderOneAlgorithm_IsReportedForThatAlgorithmOnly()
    {
        // After an interrupted sync, B keeps one bit under legacy and two under recursive (README, `mmudsl diff`).
        var lines = (await File.ReadAllTextAsync(Repo.Scenario("seed-review/05-glorified-nop.mmu"))).Split('\n');
        string text = string.Join('\n', lines.Take(30)) + "\nexpect B.unsync_children == 1\n";
        await using var server = LspServerProcess.Start("--debounce-ms", "10");
        await server.InitializeAsync();
        await server.OpenAsync(Untitled, text);
        var published = await server.DiagnosticsAsync(Untitled, 1);
        var failure = Assert.Single(published.Diagnostics);
        Assert.StartsWith("expectation failed [recursive]: B.unsync_children == 1", failure.Message, StringComparison.Ordinal);
        Assert.Contains("B.unsync_children = 2", failure.Message, StringComparison.Ordinal);
        Assert.Equal("expectation", failure.Code);
        Assert.Equal(new Protocol.Range(new Position(30, 7), new Position(30, 29)), failure.Range);

        var hover = await server.RequestAsync<Hover>(MethodNames.Hover, new TextDocumentPositionParams(new TextDocumentIdentifier(Untitled), new Position(30, 12)));
        Assert.Contains("legacy     B.unsync_children = 1", hover.Contents.Value, StringComparison.Ordinal);
        Assert.Contains("recursive  B.unsync_children = 2", hover.Contents.Value, StringComparison.Ordinal);
        Assert.Equal(0, await server.ShutdownAsync());
    }

    [Fact]
    public async Task TenMillionIterations_StopAtTheTimeBudget_AndTheServerStillAnswers()
    {
        await using var server = LspServerProcess.Start("--debounce-ms", "10", "--time-budget-ms", "300");
        await server.InitializeAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await server.OpenAsync(Untitled, "let n = 0\nfor i in 0..10000000 {\n    let n = $n + 1\n}\nexpect $n == 10000000\n");
        var published = await server.DiagnosticsAsync(Untitled, 1);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        var stopped = Assert.Single(published.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, stopped.Severity);
        Assert.Equal("time-budget", stopped.Code);
        Assert.Contains("time budget (300 ms per run", stopped.Message, StringComparison.Ordinal);
        Assert.InRange(stopped.Range.Start.Line, 1, 2);

        var symbols = await server.RequestAsync<DocumentSymbol[]>(MethodNames.DocumentSymbol, new DocumentSymbolParams(new TextDocumentIdentifier(Untitled)), TimeSpan.FromSeconds(5));
        Assert.Empty(symbols);
        Assert.Equal(0, await server.ShutdownAsync());
    }

    [Fact]
    public async Task RequestBeforeInitialize_IsRefused_AndExitWithoutShutdownExitsOne()
    {
        await using var server = LspServerProcess.Start();
        var refused = await Assert.ThrowsAsync<StreamJsonRpc.RemoteInvocationException>(
            () => server.RequestAsync<object?>(MethodNames.Hover, new TextDocumentPositionParams(new TextDocumentIdentifier(Untitled), new Position(0, 0))));
        Assert.Equal(-32002, refused.ErrorCode);
        await server.NotifyAsync(MethodNames.Exit);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!server.HasExited)
        {
            await Task.Delay(20, cts.Token);
        }
    }
}
