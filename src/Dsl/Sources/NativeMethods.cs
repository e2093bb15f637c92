using System.Runtime.InteropServices;

namespace MmuDsl.Dsl.Sources;

/// <summary>
/// The two libc calls .NET does not expose: <c>statx</c> (a file's type and link count, without
/// opening it: opening a FIFO to look at it blocks) and <c>realpath</c>. Linux only; callers check
/// <see cref="OperatingSystem.IsLinux"/> and fall back when a call is missing.
/// </summary>
internal static partial class NativeMethods
{
    public const int AtFdCwd = -100;
    public const int AtSymlinkNoFollow = 0x100;
    public const uint StatxBasicStats = 0x7ff;

    /// <summary>The size of <c>struct statx</c>, the same on every Linux architecture.</summary>
    public const int StatxSize = 256;

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial int Statx(int dirFd, string path, int flags, uint mask, [Out] byte[] buffer);

    [LibraryImport("libc", EntryPoint = "realpath", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial IntPtr RealPath(string path, IntPtr resolved);

    [LibraryImport("libc", EntryPoint = "free")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial void Free(IntPtr pointer);
}
