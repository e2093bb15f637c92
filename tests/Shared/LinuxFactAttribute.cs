namespace MmuDsl.Tests.Shared;

/// <summary>A fact about Linux special files (FIFOs, devices, sockets): skipped on other systems, run on CI (Linux).</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "Linux only: FIFOs, devices and statx";
        }
    }
}
