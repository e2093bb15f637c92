using System.Text;
using MmuDsl.Dsl.Syntax;

namespace MmuDsl.Dsl.Scenarios;

/// <summary>
/// An error that stopped a scenario (exit 2), as a value: its kind, where (a place in a file, a
/// whole file, or nothing: a command-line algorithm that cannot be loaded), the message, the
/// algorithm it happened under when not under every one, and the source line for the caret.
/// Reports render it (<see cref="Render()"/>: <c>FILE:LINE:COL: error [ALG]: MESSAGE</c>, the line, a
/// caret), or write its fields (JSON, the editor).
/// </summary>
public sealed record ScenarioError
{
    /// <summary>What kind of error it is.</summary>
    public required ErrorKind Kind { get; init; }

    /// <summary>What is wrong (printable text; no position).</summary>
    public required string Message { get; init; }

    /// <summary>The file it is about, or null.</summary>
    public string? Path { get; init; }

    /// <summary>The place in <see cref="Path"/>, or null when the error is about the whole file.</summary>
    public SourceSpan? Span { get; init; }

    /// <summary>The algorithm it happened under, when not under every algorithm that ran; null otherwise.</summary>
    public string? Algorithm { get; init; }

    /// <summary>The text of the line at <see cref="Span"/> (no line break), for the caret; null if not known.</summary>
    public string? SourceLine { get; init; }

    /// <summary>1-based line, or 0.</summary>
    public int Line => Span?.Line ?? 0;

    /// <summary>1-based column, or 0.</summary>
    public int Column => Span?.Column ?? 0;

    /// <summary>The error at <paramref name="diagnostic"/>'s place in <paramref name="source"/> (the file's text, for the caret).</summary>
    public static ScenarioError At(Diagnostic diagnostic, string? source, string? algorithm = null)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        return new ScenarioError
        {
            Kind = diagnostic.Kind,
            Message = diagnostic.Message,
            Path = diagnostic.Span.Path,
            Span = diagnostic.Span,
            Algorithm = algorithm,
            SourceLine = source == null ? null : LineOf(source, diagnostic.Span.Line),
        };
    }

    /// <summary>An error about a whole file (<c>FILE: error: MESSAGE</c>).</summary>
    public static ScenarioError OfFile(string path, ErrorKind kind, string message) => new() { Kind = kind, Message = message, Path = path };

    /// <summary>An error about no file (<c>error: MESSAGE</c>).</summary>
    public static ScenarioError General(ErrorKind kind, string message) => new() { Kind = kind, Message = message };

    /// <summary>
    /// As printed: <c>FILE:LINE:COL: error[ [ALGORITHM]]: MESSAGE</c>, the source line and a caret
    /// under the column (tabs kept, so the caret lines up in a terminal; characters that are not
    /// printable show as <c>U+XXXX</c>); <c>FILE: error: MESSAGE</c> without a place. Ends with a line break.
    /// </summary>
    public string Render() => Render("error");

    /// <summary>As <see cref="Render()"/>, with another severity word (<c>warning</c>, <c>note</c>).</summary>
    internal string Render(string severity)
    {
        var sb = new StringBuilder();
        if (Path != null)
        {
            sb.Append(Path).Append(':');
            if (Span is { } span)
            {
                sb.Append(span.Line).Append(':').Append(span.Column).Append(':');
            }

            sb.Append(' ');
        }

        sb.Append(severity);
        if (Algorithm != null)
        {
            sb.Append(" [").Append(Algorithm).Append(']');
        }

        sb.Append(": ").Append(Printable.Text(Message)).Append('\n');
        if (Span is { } at && SourceLine != null)
        {
            var (shown, caret) = Printable.Excerpt(SourceLine, Math.Max(1, at.Column));
            sb.Append(shown).Append('\n').Append(caret).Append('\n');
        }

        return sb.ToString();
    }

    /// <inheritdoc/>
    public override string ToString() => Render();

    private static string? LineOf(string source, int lineNumber)
    {
        if (lineNumber < 1)
        {
            return null;
        }

        int line = 1;
        int start = 0;
        while (line < lineNumber)
        {
            int nl = source.IndexOf('\n', start);
            if (nl < 0)
            {
                return null;
            }

            start = nl + 1;
            line++;
        }

        int end = source.IndexOf('\n', start);
        string text = end < 0 ? source[start..] : source[start..end];
        return text.TrimEnd('\r');
    }
}
