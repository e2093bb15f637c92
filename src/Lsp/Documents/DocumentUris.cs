namespace MmuDsl.Lsp.Documents;

/// <summary>Turns document URIs into the paths the runner uses, and paths back into URIs.</summary>
internal static class DocumentUris
{
    /// <summary>A <c>file:</c> URI's local path; any other URI as it is.</summary>
    public static string ToPath(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (System.Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile)
        {
            return parsed.LocalPath;
        }

        return uri;
    }

    /// <summary>The <c>file:</c> URI of an absolute path (anything else as it is).</summary>
    public static string ToUri(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Path.IsPathFullyQualified(path))
        {
            return new System.Uri(path).AbsoluteUri;
        }

        return path;
    }
}
