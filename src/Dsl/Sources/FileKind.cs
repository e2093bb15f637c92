namespace MmuDsl.Dsl.Sources;

/// <summary>What a path names, as far as reading a scenario is concerned.</summary>
public enum FileKind
{
    /// <summary>Nothing is there (or a link points nowhere).</summary>
    Missing,

    /// <summary>A regular file: the only kind a scenario is read from.</summary>
    Regular,

    /// <summary>A folder.</summary>
    Directory,

    /// <summary>A FIFO (named pipe): opening it to read waits for a writer.</summary>
    Fifo,

    /// <summary>A character device (<c>/dev/zero</c>, a terminal).</summary>
    CharacterDevice,

    /// <summary>A block device.</summary>
    BlockDevice,

    /// <summary>A Unix socket.</summary>
    Socket,

    /// <summary>A symbolic link (only when links are not followed).</summary>
    SymbolicLink,

    /// <summary>The platform cannot say (not Linux): treated as a regular file, read with a bound.</summary>
    Unknown,
}
