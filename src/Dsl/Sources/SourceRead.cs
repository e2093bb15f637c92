using System.Collections.Immutable;
using MmuDsl.Dsl.Syntax;

namespace MmuDsl.Dsl.Sources;

/// <summary>
/// The outcome of reading a source file: its text; or why it cannot be read at all (one line:
/// missing, not a regular file, too large); or the places where it is not valid UTF-8 (each a
/// diagnostic at its line and column of <see cref="Text"/>, which then holds the text with
/// U+FFFD in their place, for display only).
/// </summary>
public sealed record SourceRead(string? Text, string? Problem, ImmutableArray<Diagnostic> Invalid)
{
    /// <summary>True when <see cref="Text"/> is the file's exact text.</summary>
    public bool Ok => Problem == null && Invalid.IsEmpty;

    /// <summary>A file read and decoded.</summary>
    public static SourceRead Of(string text) => new(text, null, []);

    /// <summary>A file that cannot be read.</summary>
    public static SourceRead Failed(string problem) => new(null, problem, []);
}
