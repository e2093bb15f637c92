using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using MmuDsl.Dsl.Syntax;

namespace MmuDsl.Dsl.Sources;

/// <summary>
/// Reads scenario files the one safe way: only a regular file (a FIFO, a device or a socket is
/// refused before it is opened, since opening a FIFO waits for a writer and a device never ends),
/// only up to a size limit checked before reading (and enforced while reading, for a file that
/// grows), and only valid UTF-8 (a malformed sequence is a diagnostic at its line and column, never
/// silently replaced). A UTF-8 byte order mark is skipped. Read this when changing how files are
/// read: every path, main file or include, comes through here (tests: tests/Dsl.Tests/Hardening).
/// </summary>
public static class SourceReader
{
    /// <summary>At most this many invalid-UTF-8 places are reported per file.</summary>
    public const int MaxInvalidReported = 10;

    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>Reads and decodes the file at <paramref name="path"/>.</summary>
    public static SourceRead Read(string path, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bytes = ReadBytes(path, maxBytes, out string? problem);
        return bytes == null ? SourceRead.Failed(problem!) : Decode(path, bytes);
    }

    /// <summary>
    /// The bytes of the regular file at <paramref name="path"/>, at most <paramref name="maxBytes"/>
    /// of them; null with <paramref name="problem"/> (one line, no path) when it cannot be read.
    /// </summary>
    public static byte[]? ReadBytes(string path, long maxBytes, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(path);
        problem = null;
        var status = FileStatus.Of(path);
        switch (status.Kind)
        {
            case FileKind.Missing:
                problem = "no such file";
                return null;
            case FileKind.Directory:
                problem = "it is a folder";
                return null;
            case FileKind.Regular or FileKind.Unknown:
                break;
            default:
                problem = $"it is {FileStatus.Describe(status.Kind)}, not a regular file; only regular files are read";
                return null;
        }

        if (status.Size > maxBytes)
        {
            problem = TooLarge(status.Size, maxBytes);
            return null;
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
            var buffer = new ArrayBufferWriter<byte>((int)Math.Clamp(Math.Min(status.Size, maxBytes) + 1, 1, Array.MaxLength));
            while (true)
            {
                var span = buffer.GetSpan(64 * 1024);
                int n = stream.Read(span);
                if (n == 0)
                {
                    break;
                }

                buffer.Advance(n);
                if (buffer.WrittenCount > maxBytes)
                {
                    // It grew past the limit while being read, or its size was not known.
                    problem = TooLarge(buffer.WrittenCount, maxBytes, atLeast: true);
                    return null;
                }
            }

            return buffer.WrittenSpan.ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            problem = e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message;
            return null;
        }
    }

    /// <summary>The one-line reason for a file over the limit.</summary>
    public static string TooLarge(long size, long maxBytes, bool atLeast = false) =>
        string.Format(CultureInfo.InvariantCulture, "it is {0}{1:N0} bytes, more than the limit of {2:N0} bytes for a source file (raise it with --max-file-size)", atLeast ? "at least " : string.Empty, size, maxBytes);

    /// <summary>
    /// Decodes <paramref name="bytes"/> as strict UTF-8 (a leading byte order mark skipped): the
    /// text, or a diagnostic at each malformed sequence (at most <see cref="MaxInvalidReported"/>).
    /// </summary>
    public static SourceRead Decode(string path, ReadOnlySpan<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (bytes.StartsWith(Bom))
        {
            bytes = bytes[Bom.Length..];
        }

        var chars = new char[bytes.Length];
        var status = Utf8.ToUtf16(bytes, chars, out int read, out int written, replaceInvalidSequences: false);
        if (status == OperationStatus.Done && read == bytes.Length)
        {
            return SourceRead.Of(new string(chars, 0, written));
        }

        // Slow path: decode with U+FFFD in place of each malformed sequence, noting where each is.
        var text = new StringBuilder(bytes.Length);
        var bad = new List<(int CharOffset, byte[] Bytes)>();
        int at = 0;
        while (at < bytes.Length)
        {
            var rest = bytes[at..];
            Utf8.ToUtf16(rest, chars, out read, out written, replaceInvalidSequences: false);
            text.Append(chars, 0, written);
            at += read;
            if (at >= bytes.Length)
            {
                break;
            }

            Rune.DecodeFromUtf8(bytes[at..], out _, out int consumed);
            consumed = Math.Max(1, consumed);
            bad.Add((text.Length, bytes.Slice(at, consumed).ToArray()));
            text.Append('\uFFFD');
            at += consumed;
        }

        string lossy = text.ToString();
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        bool utf16 = bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF));
        int line = 1, lineStart = 0, scanned = 0, lastLine = 0;
        foreach (var (offset, sequence) in bad)
        {
            for (; scanned < offset; scanned++)
            {
                if (lossy[scanned] == '\n')
                {
                    line++;
                    lineStart = scanned + 1;
                }
            }

            if (line == lastLine)
            {
                continue; // One report per line.
            }

            lastLine = line;
            if (diagnostics.Count == MaxInvalidReported)
            {
                break;
            }

            string shown = string.Join(' ', sequence.Select(b => "0x" + b.ToString("X2", CultureInfo.InvariantCulture)));
            string message = $"not valid UTF-8: {(sequence.Length == 1 ? "byte " + shown + " does" : "bytes " + shown + " do")} not form a character (a scenario is UTF-8 text)"
                + (utf16 && offset == 0 ? "; the file looks like UTF-16: save it as UTF-8" : string.Empty);
            diagnostics.Add(new Diagnostic(new SourceSpan(path, line, offset - lineStart + 1, offset, offset + 1), DiagnosticSeverity.Error, message));
        }

        return new SourceRead(lossy, null, diagnostics.ToImmutable());
    }
}
