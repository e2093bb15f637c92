using MmuDsl.Dsl.Syntax;

namespace MmuDsl.Dsl.Runtime;

/// <summary>
/// An error a script caused while running (a type error, an unknown page, a limit reached, an
/// engine error). Carries the span it points at and its <see cref="ErrorKind"/>; caught once, by
/// <see cref="Interpreter.Run"/> at the top of the algorithm's run, and turned into a diagnostic of
/// that run (the scenario runner renders it as a <c>ScenarioError</c>). Never escapes the interpreter.
/// </summary>
public sealed class ScriptRuntimeException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ScriptRuntimeException(SourceSpan span, string message, IReadOnlyList<Diagnostic>? related = null)
        : this(span, ErrorKind.Runtime, message, related)
    {
    }

    /// <summary>Creates the exception, of a kind other than <see cref="ErrorKind.Runtime"/> (a limit).</summary>
    public ScriptRuntimeException(SourceSpan span, ErrorKind kind, string message, IReadOnlyList<Diagnostic>? related = null)
        : base(message)
    {
        Span = span;
        Kind = kind;
        Related = related ?? [];
    }

    /// <summary>Creates the exception (prefer the span-taking constructor).</summary>
    public ScriptRuntimeException()
        : this(default, "runtime error")
    {
    }

    /// <summary>Creates the exception (prefer the span-taking constructor).</summary>
    public ScriptRuntimeException(string message)
        : this(default, message)
    {
    }

    /// <summary>Creates the exception (prefer the span-taking constructor).</summary>
    public ScriptRuntimeException(string message, Exception innerException)
        : base(message, innerException)
    {
        Span = default;
        Kind = ErrorKind.Runtime;
        Related = [];
    }

    /// <summary>Where the error is.</summary>
    public SourceSpan Span { get; }

    /// <summary>What kind of error it is.</summary>
    public ErrorKind Kind { get; }

    /// <summary>Diagnostics behind this one (the syntax errors of an included file).</summary>
    public IReadOnlyList<Diagnostic> Related { get; }
}
