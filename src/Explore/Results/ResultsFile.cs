using System.Text.Json;

namespace MmuDsl.Explore.Results;

/// <summary>
/// Writes and reads results documents. A write is atomic: the text goes to a temporary file in the
/// same folder (<c>.NAME.PID.tmp</c>), is flushed to the disk, and is renamed over the target; a
/// process killed at any moment leaves the old file or the new one, never part of one (at most a
/// temporary file, which no reader takes for results).
/// </summary>
public static class ResultsFile
{
    /// <summary>Writes <paramref name="results"/> to <paramref name="path"/> atomically.</summary>
    public static void Write(string path, ShardResults results)
    {
        ArgumentNullException.ThrowIfNull(path);
        string full = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        string temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                JsonSerializer.Serialize(stream, results, ShardResults.Json);
                stream.WriteByte((byte)'\n');
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Reads a results document; null with <paramref name="problem"/> set when it cannot be read or is not one.</summary>
    public static ShardResults? Read(string path, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            using var stream = File.OpenRead(path);
            var results = JsonSerializer.Deserialize<ShardResults>(stream, ShardResults.Json);
            problem = results == null ? "empty document" : results.Problem();
            return problem == null ? results : null;
        }
        catch (JsonException e)
        {
            problem = $"not an explore results file ({e.Message})";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            problem = e.Message;
        }

        return null;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The write failed already: that error is the one to report.
        }
    }
}
