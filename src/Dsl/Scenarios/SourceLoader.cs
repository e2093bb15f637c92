using MmuDsl.Dsl.Syntax;

namespace MmuDsl.Dsl.Scenarios;

/// <summary>
/// Reads and parses scenario files once per scenario run (the main file and every include), and
/// keeps their texts for rendering diagnostics.
/// </summary>
internal sealed class SourceLoader
{
    private readonly Dictionary<string, ParseResult> _parsed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);
    private readonly Func<string, string> _readFile;
    private readonly ParseOptions _options;

    public SourceLoader(Func<string, string> readFile, ParseOptions options)
    {
        _readFile = readFile;
        _options = options;
    }

    /// <summary>Files parsed so far, by path.</summary>
    public IReadOnlyDictionary<string, ParseResult> Parsed => _parsed;

    /// <summary>Adds a file whose text (and perhaps parse, <paramref name="parsed"/>) the caller already has.</summary>
    public ParseResult Add(string path, string text, ParseResult? parsed = null)
    {
        if (!_parsed.TryGetValue(path, out var result))
        {
            _texts[path] = text;
            result = parsed ?? ScenarioParser.Parse(path, text, _options);
            _parsed[path] = result;
        }

        return result;
    }

    /// <summary>Reads and parses <paramref name="path"/>; null with <paramref name="error"/> set when it cannot be read.</summary>
    public ParseResult? Load(string path, out string? error)
    {
        error = null;
        if (_parsed.TryGetValue(path, out var cached))
        {
            return cached;
        }

        string text;
        try
        {
            text = _readFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or System.Security.SecurityException)
        {
            error = e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message;
            return null;
        }

        return Add(path, text);
    }

    /// <summary>The text of a file read so far, or null.</summary>
    public string? TextOf(string path) => _texts.GetValueOrDefault(path);
}
