using MmuDsl.Dsl.Tests.Runtime;
using MmuDsl.Lsp.Documents;
using MmuDsl.Lsp.Protocol;
using MmuDsl.Mmu.Bench.Benchmarks;
using Xunit.Abstractions;

namespace MmuDsl.Lsp.Tests.Client;

/// <summary>
/// The server never crashes or hangs: the project's fuzz corpus (the 20,000 mutants of the shipped
/// scenarios that the runner's robustness test runs, same seed, same order) sent to one document
/// as didChange edits one after another, with requests in between that must all be answered;
/// and a 10,000-line file.
/// </summary>
public sealed class RobustnessTests
{
    private const int Inputs = 20_000;
    private const int DefaultSeed = 20_261_125;
    private static readonly TimeSpan RequestLimit = TimeSpan.FromSeconds(60);
    private readonly ITestOutputHelper _output;

    public RobustnessTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public async Task FuzzCorpusAsEdits_EveryRequestIsAnswered_AndTheServerLives()
    {
        var paths = Directory.EnumerateFiles(Path.Combine(Repo.Root, "scenarios"), "*.mmu", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var texts = paths.Select(File.ReadAllText).ToList();
        var mutator = new ScenarioMutator(texts);
        string uri = Repo.UriOf(Path.Combine(Repo.Root, "scenarios", "fuzz-target.mmu"));
        await using var server = LspServerProcess.Start("--debounce-ms", "5", "--time-budget-ms", "250");
        await server.InitializeAsync();
        string current = texts[0];
        int version = 1;
        await server.OpenAsync(uri, current, version);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        int hovers = 0;
        for (int index = 0; index < Inputs; index++)
        {
            var random = new Random(InputSeed(DefaultSeed, index));
            _ = random.Next(paths.Count);
            string next = mutator.Next(random);
            await server.ChangeAsync(uri, ++version, MinimalEdit.Between(current, next));
            current = next;
            try
            {
                if (index % 10 == 0)
                {
                    await server.RequestAsync<DocumentSymbol[]>(MethodNames.DocumentSymbol, new DocumentSymbolParams(new TextDocumentIdentifier(uri)), RequestLimit);
                }

                if (index % 200 == 0)
                {
                    var position = new LineIndex(current).PositionOf(random.Next(current.Length + 1));
                    await server.RequestAsync<Hover?>(MethodNames.Hover, new TextDocumentPositionParams(new TextDocumentIdentifier(uri), position), RequestLimit);
                    await server.RequestAsync<CompletionList>(MethodNames.Completion, new CompletionParams(new TextDocumentIdentifier(uri), position), RequestLimit);
                    await server.RequestAsync<FoldingRange[]>(MethodNames.FoldingRange, new FoldingRangeParams(new TextDocumentIdentifier(uri)), RequestLimit);
                    await server.RequestAsync<TextEdit[]>(MethodNames.Formatting, new DocumentFormattingParams(new TextDocumentIdentifier(uri), new FormattingOptions(4, true)), RequestLimit);
                    await server.RequestAsync<Location[]>(MethodNames.References, new ReferenceParams(new TextDocumentIdentifier(uri), position, new ReferenceContext(true)), RequestLimit);
                    hovers++;
                }
            }
            catch (Exception e) when (e is OperationCanceledException or StreamJsonRpc.RemoteRpcException or StreamJsonRpc.ConnectionLostException)
            {
                Assert.Fail($"input {index} (seed {InputSeed(DefaultSeed, index)}): {e.GetType().Name}: {e.Message}\nserver stderr:\n{server.Stderr}\ntext:\n{current}");
            }
        }

        var last = await server.DiagnosticsAsync(uri, version, RequestLimit);
        Assert.NotNull(last.Diagnostics);
        Assert.False(server.HasExited, server.Stderr);
        Assert.DoesNotContain("failed", server.Stderr, StringComparison.Ordinal);
        _output.WriteLine($"{Inputs} edits, {Inputs / 10} symbol requests and {hovers} rounds of hover, completion, folding, formatting and references in {clock.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(0, await server.ShutdownAsync());
    }

    [Fact]
    public async Task TenThousandLineFile_DiagnosticsHoverAndAOneCharacterEdit()
    {
        string text = LspScenario.Generate(10_000);
        string uri = Repo.UriOf(Path.Combine(Repo.Root, "scenarios", "big-target.mmu"));
        await using var server = LspServerProcess.Start("--debounce-ms", "10");
        await server.InitializeAsync();
        await server.OpenAsync(uri, text);
        Assert.Empty((await server.DiagnosticsAsync(uri, 1, RequestLimit)).Diagnostics);

        // Group 250 starts on line 5000: its "unsync L250_1" is line 5007.
        var hover = await server.RequestAsync<Hover>(MethodNames.Hover, new TextDocumentPositionParams(new TextDocumentIdentifier(uri), new Position(5007, 8)), RequestLimit);
        Assert.Contains("legacy, recursive  L250_1 L1 unsync", hover.Contents.Value, StringComparison.Ordinal);

        // "root R250 level 2" -> "level 3": its links to level-1 pages no longer fit.
        await server.ChangeAsync(uri, 2, Repo.Edit(5001, 16, 5001, 17, "3"));
        var broken = await server.DiagnosticsAsync(uri, 2, RequestLimit);
        var error = Assert.Single(broken.Diagnostics);
        Assert.Equal(5004, error.Range.Start.Line);
        Assert.Contains("level", error.Message, StringComparison.Ordinal);

        await server.ChangeAsync(uri, 3, Repo.Edit(5001, 16, 5001, 17, "2"));
        Assert.Empty((await server.DiagnosticsAsync(uri, 3, RequestLimit)).Diagnostics);
        var symbols = await server.RequestAsync<DocumentSymbol[]>(MethodNames.DocumentSymbol, new DocumentSymbolParams(new TextDocumentIdentifier(uri)), RequestLimit);
        Assert.Equal(10_000 / LspScenario.GroupLines * 4, symbols.Length); // R, L_0, L_1 and the loop's X$i
        Assert.Equal(0, await server.ShutdownAsync());
    }

    /// <summary>RunnerRobustnessTests' seed of input <paramref name="index"/> (SplitMix64), so the inputs are the same.</summary>
    private static int InputSeed(int seed, int index)
    {
        ulong z = unchecked(((ulong)(uint)seed << 32 | (uint)index) + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return (int)((z ^ (z >> 31)) & int.MaxValue);
    }
}
