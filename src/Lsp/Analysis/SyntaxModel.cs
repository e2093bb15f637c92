using MmuDsl.Dsl.Syntax;
using MmuDsl.Lsp.Documents;

namespace MmuDsl.Lsp.Analysis;

/// <summary>A document version parsed: its tree and diagnostics, the files it includes, its names, where runs record.</summary>
internal sealed class SyntaxModel
{
    private readonly Dictionary<string, LineIndex> _otherFiles = new(StringComparer.Ordinal);
    private readonly Lazy<SymbolIndex> _symbols;

    public SyntaxModel(OpenDocument document, ParseResult parse, IReadOnlyList<IncludedFile> includes)
    {
        Document = document;
        Parse = parse;
        Includes = includes;
        _symbols = new Lazy<SymbolIndex>(() => SymbolIndex.Build(parse.File, includes), LazyThreadSafetyMode.ExecutionAndPublication);
        Probes = ProbeSites.Of(parse.File);
    }

    public OpenDocument Document { get; }

    public ParseResult Parse { get; }

    public ScenarioFile File => Parse.File;

    public IReadOnlyList<IncludedFile> Includes { get; }

    /// <summary>The names, resolved (built on first use: diagnostics do not need them).</summary>
    public SymbolIndex Symbols => _symbols.Value;

    public IReadOnlyDictionary<Statement, object[]> Probes { get; }

    /// <summary>Line index of the document or of an included file, by path; null for a file never read.</summary>
    public LineIndex? LinesOf(string path)
    {
        if (path == Document.Path)
        {
            return Document.Lines;
        }

        lock (_otherFiles)
        {
            if (_otherFiles.TryGetValue(path, out var lines))
            {
                return lines;
            }

            var file = Includes.FirstOrDefault(i => i.FullPath == path || i.Parsed.File.Path == path);
            if (file == null)
            {
                return null;
            }

            lines = new LineIndex(file.Parsed.File.Text);
            _otherFiles[path] = lines;
            return lines;
        }
    }

    /// <summary>The URI of a file: the document's own for its path.</summary>
    public string UriOf(string path) => path == Document.Path ? Document.Uri : DocumentUris.ToUri(path);
}
