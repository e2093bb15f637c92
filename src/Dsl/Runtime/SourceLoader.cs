using System.Collections.Immutable;
using MmuDsl.Dsl.Syntax;

namespace MmuDsl.Dsl.Runtime;

/// <summary>
/// Reads and parses scenario files once per scenario run (the main file and every include), and
/// keeps their texts for rendering diagnostics (a file that is not valid UTF-8 keeps its text with
/// U+FFFD in place of the malformed bytes, for display only).
/// </summary>
internal sealed class SourceLoader
{
    private readonly Dictionary<string, ParseResult> _parsed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string? Problem, ImmutableArray<Diagnostic> Invalid)> _unreadable = new(StringComparer.Ordinal);
    private readonly RunOptions _options;

    public SourceLoader(RunOptions options)
    {
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
            result = parsed ?? ScenarioParser.Parse(path, text, _options.Parse);
            _parsed[path] = result;
        }

        return result;
    }

    /// <summary>
    /// Reads and parses <paramref name="path"/>; null when it cannot be used, with
    /// <paramref name="problem"/> set (why it cannot be read) or <paramref name="invalid"/> not
    /// empty (where it is not valid UTF-8).
    /// </summary>
    public ParseResult? Load(string path, out string? problem, out ImmutableArray<Diagnostic> invalid)
    {
        problem = null;
        invalid = [];
        if (_parsed.TryGetValue(path, out var cached))
        {
            return cached;
        }

        if (_unreadable.TryGetValue(path, out var known))
        {
            (problem, invalid) = known;
            return null;
        }

        var read = _options.Read(path);
        if (!read.Ok)
        {
            if (read.Text != null)
            {
                _texts[path] = read.Text;
            }

            _unreadable[path] = (read.Problem, read.Invalid);
            problem = read.Problem;
            invalid = read.Invalid;
            return null;
        }

        return Add(path, read.Text!);
    }

    /// <summary>The text of a file read so far, or null.</summary>
    public string? TextOf(string path) => _texts.GetValueOrDefault(path);
}
