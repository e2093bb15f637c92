using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;

namespace MmuDsl.Mmu.Bench.Harness;

/// <summary>What the figures were measured on: build flavour, runtime, machine.</summary>
internal static class BuildInfo
{
    /// <summary>True when both this harness and the engine were compiled with the JIT optimizer on (Release).</summary>
    public static bool IsOptimized => IsOptimizedAssembly(typeof(BuildInfo).Assembly) && IsOptimizedAssembly(typeof(ShadowMmu).Assembly);

    /// <summary>One line: CPU model, cores, OS, runtime.</summary>
    public static string Machine()
    {
        string cpu = "unknown CPU";
        try
        {
            string? line = File.Exists("/proc/cpuinfo")
                ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))
                : null;
            if (line != null)
            {
                cpu = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
            }
        }
        catch (IOException)
        {
        }

        long? l3 = LastLevelCacheBytes();
        string cache = l3 is { } bytes ? $", L3 {bytes >> 20} MiB" : "";
        return $"{cpu}, {Environment.ProcessorCount} logical cores{cache}, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription} {RuntimeInformation.ProcessArchitecture}";
    }

    /// <summary>The size of the largest CPU cache (Linux sysfs), or null when it cannot be read.</summary>
    public static long? LastLevelCacheBytes()
    {
        const string dir = "/sys/devices/system/cpu/cpu0/cache";
        long? largest = null;
        try
        {
            if (!Directory.Exists(dir))
            {
                return null;
            }

            foreach (string index in Directory.EnumerateDirectories(dir, "index*"))
            {
                string file = Path.Combine(index, "size");
                if (!File.Exists(file))
                {
                    continue;
                }

                string text = File.ReadAllText(file).Trim();
                long scale = text.EndsWith('K') ? 1L << 10 : text.EndsWith('M') ? 1L << 20 : 1;
                if (long.TryParse(text.TrimEnd('K', 'M'), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out long n) && (largest == null || n * scale > largest))
                {
                    largest = n * scale;
                }
            }
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        return largest;
    }

    private static bool IsOptimizedAssembly(Assembly assembly)
    {
        var debuggable = assembly.GetCustomAttribute<DebuggableAttribute>();
        return debuggable == null || !debuggable.IsJITOptimizerDisabled;
    }
}
