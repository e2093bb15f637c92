namespace MmuDsl.Dsl.Syntax;

/// <summary>How bad a <see cref="Diagnostic"/> is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The file cannot be run.</summary>
    Error,

    /// <summary>Worth telling, does not stop the run.</summary>
    Warning,

    /// <summary>A remark that changes no verdict (the kernel's advisory WARN a hand-built state may cause).</summary>
    Note,
}
