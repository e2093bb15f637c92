using MmuDsl.Lsp.Analysis;
using MmuDsl.Lsp.Features;
using MmuDsl.Lsp.Protocol;
using StreamJsonRpc;

namespace MmuDsl.Lsp.Server;

/// <summary>The requests: each reads the current version's analysis (waiting for it, cancellably) and answers from it.</summary>
internal sealed partial class LanguageServer
{
    [JsonRpcMethod(MethodNames.Hover, UseSingleObjectParameterDeserialization = true)]
    public async Task<Hover?> HoverAsync(TextDocumentPositionParams parameters, CancellationToken cancellation)
    {
        Require();
        if (Session(parameters?.TextDocument?.Uri) is not { } session || parameters!.Position is not { } position)
        {
            return null;
        }

        var (syntax, run) = await BothAsync(session, cancellation).ConfigureAwait(false);
        return HoverProvider.Hover(syntax, run, position);
    }

    [JsonRpcMethod(MethodNames.Definition, UseSingleObjectParameterDeserialization = true)]
    public async Task<IReadOnlyList<Location>> DefinitionAsync(TextDocumentPositionParams parameters, CancellationToken cancellation)
    {
        Require();
        if (Session(parameters?.TextDocument?.Uri) is not { } session || parameters!.Position is not { } position)
        {
            return [];
        }

        var (syntax, run) = await BothAsync(session, cancellation).ConfigureAwait(false);
        return NavigationProvider.Definition(syntax, run, position);
    }

    [JsonRpcMethod(MethodNames.References, UseSingleObjectParameterDeserialization = true)]
    public async Task<IReadOnlyList<Location>> ReferencesAsync(ReferenceParams parameters, CancellationToken cancellation)
    {
        Require();
        if (Session(parameters?.TextDocument?.Uri) is not { } session || parameters!.Position is not { } position)
        {
            return [];
        }

        var (syntax, run) = await BothAsync(session, cancellation).ConfigureAwait(false);
        return NavigationProvider.References(syntax, run, position, parameters.Context?.IncludeDeclaration ?? true);
    }

    [JsonRpcMethod(MethodNames.Completion, UseSingleObjectParameterDeserialization = true)]
    public async Task<CompletionList> CompletionAsync(CompletionParams parameters, CancellationToken cancellation)
    {
        Require();
        if (Session(parameters?.TextDocument?.Uri) is not { } session || parameters!.Position is not { } position)
        {
            return new CompletionList(false, []);
        }

        // Completion does not wait for the run: the names the last finished run made will do.
        var syntax = await session.SyntaxAsync(cancellation).ConfigureAwait(false);
        var run = session.Current.Run is { IsCompletedSuccessfully: true } done ? done.Result : null;
        return CompletionProvider.Complete(syntax, run, position);
    }

    [JsonRpcMethod(MethodNames.DocumentSymbol, UseSingleObjectParameterDeserialization = true)]
    public async Task<IReadOnlyList<DocumentSymbol>> DocumentSymbolAsync(DocumentSymbolParams parameters, CancellationToken cancellation)
    {
        Require();
        if (Session(parameters?.TextDocument?.Uri) is not { } session)
        {
            return [];
        }

        return SymbolProvider.Symbols(await session.SyntaxAsync(cancellation).ConfigureAwait(false));
    }

    [JsonRpcMethod(MethodNames.FoldingRange, UseSingleObjectParameterDeserialization = true)]
    public async Task<IReadOnlyList<FoldingRange>> FoldingRangeAsync(FoldingRangeParams parameters, CancellationToken cancellation)
    {
        Require();
        if (Session(parameters?.TextDocument?.Uri) is not { } session)
        {
            return [];
        }

        return FoldingProvider.Ranges(await session.SyntaxAsync(cancellation).ConfigureAwait(false));
    }

    [JsonRpcMethod(MethodNames.Formatting, UseSingleObjectParameterDeserialization = true)]
    public async Task<IReadOnlyList<TextEdit>> FormattingAsync(DocumentFormattingParams parameters, CancellationToken cancellation)
    {
        Require();
        if (Session(parameters?.TextDocument?.Uri) is not { } session)
        {
            return [];
        }

        return Formatter.Format(await session.SyntaxAsync(cancellation).ConfigureAwait(false), parameters!.Options);
    }

    [JsonRpcMethod(MethodNames.Memory)]
    public MemoryReport Memory()
    {
        Require();
        long managed = GC.GetTotalMemory(forceFullCollection: true);
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        int open;
        lock (_lock)
        {
            open = _documents.Count;
        }

        return new MemoryReport(managed, process.WorkingSet64, open);
    }

    private static async Task<(SyntaxModel Syntax, RunModel? Run)> BothAsync(DocumentSession session, CancellationToken cancellation)
    {
        var run = await session.RunAsync(cancellation).ConfigureAwait(false);
        if (run != null)
        {
            return (run.Syntax, run);
        }

        return (await session.SyntaxAsync(cancellation).ConfigureAwait(false), null);
    }
}
