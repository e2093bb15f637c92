namespace MmuDsl.Lsp.Documents;

/// <summary>
/// One version of an open document: its URI, the path its spans and includes use, its version and
/// text. Immutable: an edit makes the next one (<see cref="TextEdits.Apply"/>).
/// </summary>
internal sealed class OpenDocument
{
    public OpenDocument(string uri, int version, string text)
    {
        Uri = uri;
        Path = DocumentUris.ToPath(uri);
        Version = version;
        Lines = new LineIndex(text);
    }

    public string Uri { get; }

    /// <summary>The file's local path for a <c>file:</c> URI, else the URI itself (includes then resolve against the working folder).</summary>
    public string Path { get; }

    public int Version { get; }

    public string Text => Lines.Text;

    public LineIndex Lines { get; }
}
