namespace MmuDsl.Dsl.Sources;

/// <summary>
/// Finds the <c>.mmu</c> files under a folder, walking each folder once, by its real path: a
/// symbolic link to a folder already walked is not followed again (a link back to a folder being
/// walked, a loop, is reported through the warning callback), so the walk always ends and never
/// finds a file twice through a loop. Entries named <c>*.mmu</c> are returned whatever they are
/// (a FIFO, a dangling link): running them says why they cannot be read. A folder that cannot be
/// listed is reported and skipped. Read this with tests/Cli.Tests/Hardening/FolderWalkTests.cs.
/// </summary>
public static class ScenarioFolder
{
    /// <summary>Every <c>.mmu</c> path under <paramref name="root"/>, sorted (ordinal).</summary>
    public static IReadOnlyList<string> Find(string root, Action<string> warn)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(warn);
        var found = new List<string>();
        var walked = new Dictionary<string, string>(StringComparer.Ordinal);
        var open = new HashSet<string>(StringComparer.Ordinal);
        Walk(root, RealPath(root), found, walked, open, warn);
        found.Sort(StringComparer.Ordinal);
        return found;
    }

    private static string RealPath(string path) => FileStatus.RealPath(path) ?? Path.GetFullPath(path);

    private static void Walk(string dir, string real, List<string> found, Dictionary<string, string> walked, HashSet<string> open, Action<string> warn)
    {
        walked[real] = dir;
        open.Add(real);
        try
        {
            List<string> entries;
            try
            {
                entries = [.. Directory.EnumerateFileSystemEntries(dir, "*", new EnumerationOptions { RecurseSubdirectories = false, AttributesToSkip = 0, IgnoreInaccessible = false, ReturnSpecialDirectories = false })];
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                warn($"cannot list the folder {dir}: {e.Message}; its scenarios are not run");
                return;
            }

            entries.Sort(StringComparer.Ordinal);
            foreach (string entry in entries)
            {
                var status = FileStatus.Of(entry);
                if (status.Kind == FileKind.Directory)
                {
                    string target = RealPath(entry);
                    if (open.Contains(target))
                    {
                        warn($"{entry} is a symbolic link loop (back to {walked[target]}, which is being walked): not followed");
                    }
                    else if (!walked.ContainsKey(target))
                    {
                        Walk(entry, target, found, walked, open, warn);
                    }

                    continue;
                }

                if (entry.EndsWith(".mmu", StringComparison.Ordinal))
                {
                    found.Add(entry);
                }
            }
        }
        finally
        {
            open.Remove(real);
        }
    }
}
