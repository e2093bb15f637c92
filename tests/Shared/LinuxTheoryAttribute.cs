namespace MmuDsl.Tests.Shared;

/// <summary>A theory about Linux special files: skipped on other systems, run on CI (Linux).</summary>
public sealed class LinuxTheoryAttribute : TheoryAttribute
{
    public LinuxTheoryAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "Linux only: FIFOs, devices and statx";
        }
    }
}
