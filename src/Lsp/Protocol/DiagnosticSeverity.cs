namespace MmuDsl.Lsp.Protocol;

/// <summary>A diagnostic's severity, numbered as the specification numbers it.</summary>
public enum DiagnosticSeverity
{
    /// <summary>An error.</summary>
    Error = 1,

    /// <summary>A warning.</summary>
    Warning = 2,

    /// <summary>Information.</summary>
    Information = 3,

    /// <summary>A hint.</summary>
    Hint = 4,
}
