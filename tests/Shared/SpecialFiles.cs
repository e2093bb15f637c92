using System.Diagnostics;
using System.Net.Sockets;

namespace MmuDsl.Tests.Shared;

/// <summary>Makes the special files the hardening tests need, and runs code that must not hang.</summary>
public static class SpecialFiles
{
    /// <summary>A FIFO at <paramref name="path"/> (coreutils' mkfifo).</summary>
    public static string Fifo(string path)
    {
        using var process = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return path;
    }

    /// <summary>A Unix socket file at <paramref name="path"/>; disposing the socket leaves the file.</summary>
    public static Socket Socket(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        return socket;
    }

    /// <summary>Runs <paramref name="work"/>, failing the test if it has not returned within <paramref name="seconds"/> (a hang).</summary>
    public static T WithinSeconds<T>(int seconds, Func<T> work)
    {
        var task = Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        Assert.True(task.Wait(TimeSpan.FromSeconds(seconds)), $"did not return within {seconds} s: it hangs");
        return task.Result;
    }
}
