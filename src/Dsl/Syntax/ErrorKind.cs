namespace MmuDsl.Dsl.Syntax;

/// <summary>What kind of error stopped a scenario (exit 2): for reports, tools and tests to tell them apart without reading messages.</summary>
public enum ErrorKind
{
    /// <summary>The file does not parse (or is not valid UTF-8 text).</summary>
    Syntax,

    /// <summary>A file could not be read: missing, a folder, not a regular file, too large.</summary>
    Unreadable,

    /// <summary>An algorithm could not be found or loaded: an unknown name, a plug-in that does not compile.</summary>
    Algorithm,

    /// <summary>The script did something the language or the engine refuses (a type error, an unknown page, a level mismatch, ...).</summary>
    Runtime,

    /// <summary>The algorithm's own code failed, or was stopped by a budget.</summary>
    AlgorithmFailed,

    /// <summary>More loop iterations than <c>max_loop_iterations</c>.</summary>
    LoopLimit,

    /// <summary>More pages than <c>max_pages</c>.</summary>
    PageLimit,

    /// <summary>More statements than the run's statement budget (a tool's time budget).</summary>
    StatementBudget,

    /// <summary>More output than <c>max_output</c>.</summary>
    OutputLimit,

    /// <summary>Calls nested deeper than <c>max_call_depth</c>, or blocks too deep for the stack.</summary>
    CallDepthLimit,

    /// <summary>Includes nested deeper than the limit.</summary>
    IncludeDepthLimit,

    /// <summary>A string longer than the limit.</summary>
    StringLimit,

    /// <summary>A golden block that cannot be read (a bad section header).</summary>
    GoldenBlock,

    /// <summary>A file whose golden blocks could not be rewritten.</summary>
    Rewrite,

    /// <summary>The run was cancelled (an editor's time budget, a later edit).</summary>
    Cancelled,

    /// <summary>A fault of the tool itself (please report it).</summary>
    Internal,
}
