namespace MmuDsl.Html.Tests.Cli;

/// <summary>A scratch folder, removed at the end of the test.</summary>
internal sealed class ScratchDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("mmudsl-html-").FullName;

    public string Write(string name, string text)
    {
        string full = System.IO.Path.Combine(Path, name);
        System.IO.File.WriteAllText(full, text);
        return full;
    }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
