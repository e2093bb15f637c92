using MmuDsl.Lsp.Protocol;

namespace MmuDsl.Lsp.Tests.Client;

/// <summary>Paths of the repository (found upwards from the test's folder) and edit helpers.</summary>
internal static class Repo
{
    public static string Root { get; } = Locate();

    public static string Scenario(string relative) => Path.Combine(Root, "scenarios", relative);

    public static string UriOf(string path) => new Uri(path).AbsoluteUri;

    /// <summary>An edit replacing the range (line, character)-(line, character) with <paramref name="text"/>.</summary>
    public static TextDocumentContentChangeEvent Edit(int line, int character, int endLine, int endCharacter, string text) =>
        new(new Protocol.Range(new Position(line, character), new Position(endLine, endCharacter)), text);

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MmuDsl.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no MmuDsl.sln above {AppContext.BaseDirectory}");
    }
}
