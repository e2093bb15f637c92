using System.Diagnostics;
using MmuDsl.Dsl.Scenarios;
using MmuDsl.Dsl.Syntax;
using MmuDsl.Lsp.Documents;

namespace MmuDsl.Lsp.Analysis;

/// <summary>
/// The two stages of analysing a document version: parse (with the files it includes), then run
/// under every algorithm of its set with the server's limits and time budget. Both never throw on
/// any input; run throws <see cref="OperationCanceledException"/> only when a later edit
/// superseded the version (its result would be thrown away).
/// </summary>
internal static class Analyzer
{
    public static SyntaxModel Parse(OpenDocument document, ServerOptions options, Func<string, string?> openText)
    {
        var parse = ScenarioParser.Parse(document.Path, document.Text, options.Run.Parse);
        return new SyntaxModel(document, parse, ReadIncludes(parse.File, options, openText));
    }

    public static RunModel Run(SyntaxModel syntax, ServerOptions options, Func<string, string?> openText, CancellationToken superseded)
    {
        var recorder = new StepRecorder(syntax.Probes);
        var clock = Stopwatch.StartNew();
        if (syntax.Parse.HasErrors)
        {
            return new RunModel(syntax, null, recorder, DiagnosticAdapter.From(syntax, null, options.TimeBudget), clock.Elapsed);
        }

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(superseded);
        budget.CancelAfter(options.TimeBudget);
        var readFile = options.Run.ReadFile;
        var runOptions = options.Run with
        {
            Cancellation = budget.Token,
            StepObserver = recorder,
            ReadFile = path => openText(path) ?? (readFile != null ? readFile(path) : ReadFromDisk(path, options.Run.MaxSourceBytes)),
        };
        var result = ScenarioRunner.RunParsed(syntax.Parse, runOptions);
        superseded.ThrowIfCancellationRequested();
        return new RunModel(syntax, result, recorder, DiagnosticAdapter.From(syntax, result, options.TimeBudget), clock.Elapsed);
    }

    // As the command line reads files (regular files only, strict UTF-8, within the size limit); the
    // reason a file cannot be read is thrown as an IOException, which the runner reports at the include.
    private static string ReadFromDisk(string path, long maxBytes)
    {
        var read = MmuDsl.Dsl.Sources.SourceReader.Read(path, maxBytes);
        return read.Ok ? read.Text! : throw new IOException(read.Problem ?? "it is not valid UTF-8 text");
    }

    private static List<IncludedFile> ReadIncludes(ScenarioFile main, ServerOptions options, Func<string, string?> openText)
    {
        var files = new List<IncludedFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { SafeFullPath(main.Path) };
        var pending = new Queue<(ScenarioFile File, int Depth)>();
        pending.Enqueue((main, 0));
        while (pending.Count > 0 && files.Count < options.MaxIncludedFiles)
        {
            var (file, depth) = pending.Dequeue();
            if (depth >= options.Run.MaxIncludeDepth)
            {
                continue;
            }

            foreach (var include in SyntaxNodes.All(file).OfType<IncludeStatement>())
            {
                if (IncludeResolver.Resolve(include) is not { } full || !seen.Add(full) || files.Count >= options.MaxIncludedFiles)
                {
                    continue;
                }

                string? text = openText(full);
                if (text == null)
                {
                    // Only a regular file within the size limit (a FIFO would block the server).
                    var read = MmuDsl.Dsl.Sources.SourceReader.Read(full, options.Run.MaxSourceBytes);
                    if (!read.Ok)
                    {
                        continue;
                    }

                    text = read.Text!;
                }

                var parsed = ScenarioParser.Parse(full, text, options.Run.Parse);
                files.Add(new IncludedFile(full, parsed));
                pending.Enqueue((parsed.File, depth + 1));
            }
        }

        return files;
    }

    private static string SafeFullPath(string path)
    {
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return path;
        }
    }
}
