namespace MmuDsl.Plugins;

/// <summary>
/// An error in a plug-in file: where (1-based line and column in <see cref="Path"/>, 0 when it
/// has no place, such as an unreadable file) and what. <see cref="Source"/> is the file's text,
/// for printing the line with a caret; null when the file could not be read.
/// </summary>
/// <param name="Path">The plug-in file, as the user named it.</param>
/// <param name="Line">1-based line, or 0.</param>
/// <param name="Column">1-based column, or 0.</param>
/// <param name="Message">What is wrong (a compiler error keeps its code: <c>CS1002: ; expected</c>).</param>
/// <param name="Source">The file's text, or null.</param>
public sealed record PluginDiagnostic(string Path, int Line, int Column, string Message, string? Source);
