using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using MmuDsl.Dsl.Sources;

namespace MmuDsl.Dsl.Golden;

/// <summary>
/// Writes a planned rewrite to disk, keeping everything about the file but the blocks' bytes:
/// <list type="bullet">
/// <item>a symbolic link stays a link: the file written is its target;</item>
/// <item>the bytes outside the edited blocks are copied, not re-encoded (a byte order mark, odd
/// line ends, anything the text allows);</item>
/// <item>the file's mode is kept (a read-only file stays read-only);</item>
/// <item>the new bytes go to a temporary file <c>.NAME.PID.rewrite.tmp</c> beside the target, synced,
/// then renamed over it: a killed run leaves the original whole (and at worst that temporary
/// file, which <see cref="RemoveStaleTemporaries"/> removes once its process is gone);</item>
/// <item>a file with other hard links is written all the same and the outcome says that those
/// links keep the old text (a rename cannot keep them);</item>
/// <item>a file that changed since the run read it is not written.</item>
/// </list>
/// Nothing here throws for a file that cannot be written: the outcome says why, and the caller goes
/// on with the next file. Tests: tests/Cli.Tests/Hardening/RewriteTests.cs.
/// </summary>
public static partial class RewriteFile
{
    private const string Suffix = ".rewrite.tmp";
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>The temporary file a process writes before renaming it over <paramref name="target"/>.</summary>
    public static string TemporaryFor(string target, int processId) =>
        Path.Combine(Path.GetDirectoryName(target) ?? ".", $".{Path.GetFileName(target)}.{processId.ToString(CultureInfo.InvariantCulture)}{Suffix}");

    /// <summary>Writes <paramref name="rewrite"/>.</summary>
    public static RewriteOutcome Apply(FileRewrite rewrite)
    {
        ArgumentNullException.ThrowIfNull(rewrite);
        string target = Path.GetFullPath(rewrite.Path);
        string? temp = null;
        try
        {
            target = File.ResolveLinkTarget(target, returnFinalTarget: true)?.FullName ?? target;
            var status = FileStatus.Of(target);
            if (status.Kind is not (FileKind.Regular or FileKind.Unknown))
            {
                return new RewriteOutcome(target, $"it is {FileStatus.Describe(status.Kind)} now, not a regular file", null);
            }

            byte[]? old = SourceReader.ReadBytes(target, long.MaxValue, out string? problem);
            if (old == null)
            {
                return new RewriteOutcome(target, problem, null);
            }

            int bom = old.AsSpan().StartsWith(Bom) ? Bom.Length : 0;
            var read = SourceReader.Decode(target, old);
            if (!read.Ok || read.Text != rewrite.OldText)
            {
                return new RewriteOutcome(target, "the file changed since it was run; run again to rewrite it", null);
            }

            byte[] updated = Splice(old, bom, rewrite);
            temp = TemporaryFor(target, Environment.ProcessId);
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                stream.Write(updated);
                stream.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temp, File.GetUnixFileMode(target));
            }

            File.Move(temp, target, overwrite: true);
            temp = null;
            string? note = status.Links > 1
                ? string.Format(CultureInfo.InvariantCulture, "{0} had {1} hard links: the rewritten file is a new file, so the other {2} keep{3} the old text", target, status.Links, status.Links == 2 ? "link" : "links", status.Links == 2 ? "s" : string.Empty)
                : null;
            return new RewriteOutcome(target, null, note);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new RewriteOutcome(target, e.Message, null);
        }
        finally
        {
            if (temp != null)
            {
                try
                {
                    File.Delete(temp);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // The folder refused the temporary file in the first place, or took it away.
                }
            }
        }
    }

    /// <summary>
    /// Removes, in <paramref name="directory"/>, the temporary files of this naming whose process is
    /// gone (a run killed while writing); returns their paths. A file whose process still runs, or
    /// whose process cannot be checked, is left alone.
    /// </summary>
    public static IReadOnlyList<string> RemoveStaleTemporaries(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var removed = new List<string>();
        IEnumerable<string> candidates;
        try
        {
            candidates = [.. Directory.EnumerateFiles(directory, ".*" + Suffix, new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = true })];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return removed;
        }

        foreach (string path in candidates)
        {
            var m = TemporaryName().Match(Path.GetFileName(path));
            if (!m.Success || !int.TryParse(m.Groups["pid"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int pid) || IsRunning(pid))
            {
                continue;
            }

            try
            {
                File.Delete(path);
                removed.Add(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }

        return removed;
    }

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId)
        {
            return true;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    // The new bytes: the old ones with each edit's range replaced by its UTF-8 text. Offsets are
    // turned into byte offsets by counting the UTF-8 bytes of the old text between edits.
    private static byte[] Splice(byte[] old, int bom, FileRewrite rewrite)
    {
        var output = new MemoryStream(old.Length + 256);
        string text = rewrite.OldText;
        int charAt = 0;
        long byteAt = bom;
        output.Write(old, 0, bom);
        foreach (var edit in rewrite.Edits)
        {
            long startByte = byteAt + Encoding.UTF8.GetByteCount(text.AsSpan(charAt, edit.Start - charAt));
            long endByte = startByte + Encoding.UTF8.GetByteCount(text.AsSpan(edit.Start, edit.End - edit.Start));
            output.Write(old, (int)byteAt, (int)(startByte - byteAt));
            output.Write(Encoding.UTF8.GetBytes(edit.Text));
            charAt = edit.End;
            byteAt = endByte;
        }

        output.Write(old, (int)byteAt, old.Length - (int)byteAt);
        return output.ToArray();
    }

    [GeneratedRegex(@"\A\..+\.(?<pid>[0-9]{1,10})\.rewrite\.tmp\z")]
    private static partial Regex TemporaryName();
}
