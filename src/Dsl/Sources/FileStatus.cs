using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace MmuDsl.Dsl.Sources;

/// <summary>
/// A file's type, size, link count and identity, read without opening it (Linux <c>statx</c>).
/// Elsewhere the type is <see cref="FileKind.Unknown"/> for anything that exists and is not a
/// folder, and the link count is 1.
/// </summary>
public readonly record struct FileStatus(FileKind Kind, long Size, long Links, ulong Device, ulong Inode)
{
    /// <summary>The status of <paramref name="path"/>, following symbolic links unless <paramref name="followLinks"/> is false.</summary>
    public static FileStatus Of(string path, bool followLinks = true)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0 || path.Contains('\0', StringComparison.Ordinal))
        {
            return new FileStatus(FileKind.Missing, 0, 0, 0, 0);
        }

        if (OperatingSystem.IsLinux())
        {
            try
            {
                var buffer = new byte[NativeMethods.StatxSize];
                int rc = NativeMethods.Statx(NativeMethods.AtFdCwd, path, followLinks ? 0 : NativeMethods.AtSymlinkNoFollow, NativeMethods.StatxBasicStats, buffer);
                if (rc != 0)
                {
                    return new FileStatus(FileKind.Missing, 0, 0, 0, 0);
                }

                return FromStatx(buffer);
            }
            catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
            {
                // A libc without statx (glibc before 2.28): fall through to what .NET can say.
            }
        }

        return Portable(path, followLinks);
    }

    // struct statx: stx_nlink u32 at 16, stx_mode u16 at 28, stx_ino u64 at 32, stx_size u64 at 40,
    // stx_dev_major/minor u32 at 136/140 (linux/stat.h; one layout on every architecture).
    private static FileStatus FromStatx(byte[] b)
    {
        uint links = BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(16));
        int mode = BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(28));
        ulong inode = BinaryPrimitives.ReadUInt64LittleEndian(b.AsSpan(32));
        long size = (long)Math.Min(BinaryPrimitives.ReadUInt64LittleEndian(b.AsSpan(40)), long.MaxValue);
        ulong device = (ulong)BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(136)) << 32 | BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(140));
        if (!BitConverter.IsLittleEndian)
        {
            links = BinaryPrimitives.ReverseEndianness(links);
            mode = BinaryPrimitives.ReverseEndianness((ushort)mode);
            inode = BinaryPrimitives.ReverseEndianness(inode);
            size = BinaryPrimitives.ReverseEndianness(size);
        }

        var kind = (mode & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0x1000 => FileKind.Fifo,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            0xC000 => FileKind.Socket,
            0xA000 => FileKind.SymbolicLink,
            _ => FileKind.Unknown,
        };
        return new FileStatus(kind, size, links, device, inode);
    }

    private static FileStatus Portable(string path, bool followLinks)
    {
        try
        {
            FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
            if (!followLinks && info.LinkTarget != null)
            {
                return new FileStatus(FileKind.SymbolicLink, 0, 1, 0, 0);
            }

            if (info is DirectoryInfo)
            {
                return new FileStatus(FileKind.Directory, 0, 1, 0, 0);
            }

            return info.Exists ? new FileStatus(FileKind.Unknown, ((FileInfo)info).Length, 1, 0, 0) : new FileStatus(FileKind.Missing, 0, 0, 0, 0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new FileStatus(FileKind.Missing, 0, 0, 0, 0);
        }
    }

    /// <summary>
    /// The canonical absolute path of <paramref name="path"/>, every symbolic link resolved
    /// (libc <c>realpath</c> on Linux; elsewhere the full path with the last link resolved), or null.
    /// </summary>
    public static string? RealPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Contains('\0', StringComparison.Ordinal))
        {
            return null;
        }

        if (OperatingSystem.IsLinux())
        {
            try
            {
                IntPtr resolved = NativeMethods.RealPath(path, IntPtr.Zero);
                if (resolved == IntPtr.Zero)
                {
                    return null;
                }

                try
                {
                    return Marshal.PtrToStringUTF8(resolved);
                }
                finally
                {
                    NativeMethods.Free(resolved);
                }
            }
            catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
            {
            }
        }

        try
        {
            var info = new DirectoryInfo(path);
            return (info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? info.FullName).TrimEnd(Path.DirectorySeparatorChar);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>"a FIFO (named pipe)", "a character device", ...: what the kind is, in words.</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Missing => "nothing (no such file)",
        FileKind.Regular => "a regular file",
        FileKind.Directory => "a folder",
        FileKind.Fifo => "a FIFO (named pipe)",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        FileKind.SymbolicLink => "a symbolic link",
        _ => "a file of unknown type",
    };
}
