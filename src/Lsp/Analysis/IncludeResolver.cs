using MmuDsl.Dsl.Syntax;

namespace MmuDsl.Lsp.Analysis;

/// <summary>Where an <c>include</c> with a literal path points, as the interpreter resolves it (relative to the including file).</summary>
internal static class IncludeResolver
{
    /// <summary>The included file's full path, or null when the path is built at run time or unusable.</summary>
    public static string? Resolve(IncludeStatement include)
    {
        if (include.Path.LiteralText is not { Length: > 0 } relative || relative.Contains('\0', StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            string baseDir = Path.GetDirectoryName(Path.GetFullPath(include.Span.Path)) ?? ".";
            return Path.GetFullPath(Path.Combine(baseDir, relative));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException or IOException)
        {
            return null;
        }
    }
}
