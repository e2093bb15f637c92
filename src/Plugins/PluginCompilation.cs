namespace MmuDsl.Plugins;

/// <summary>
/// The outcome of compiling a plug-in file: the assembly and its symbols (portable PDB, so that a
/// failure names the file and line), the algorithm class to instantiate, and where its
/// <c>Name</c> is declared (for an error about the name); or the errors.
/// </summary>
internal sealed record PluginCompilation
{
    public byte[]? Assembly { get; init; }

    public byte[]? Pdb { get; init; }

    public string? TypeName { get; init; }

    public int NameLine { get; init; }

    public int NameColumn { get; init; }

    public IReadOnlyList<PluginDiagnostic> Errors { get; init; } = [];
}
