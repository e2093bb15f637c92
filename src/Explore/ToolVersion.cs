using System.Reflection;

namespace MmuDsl.Explore;

/// <summary>The explorer's version as results files record it (the informational version, with the commit when the build knew it).</summary>
public static class ToolVersion
{
    /// <summary>This build's version.</summary>
    public static string Current { get; } =
        typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ToolVersion).Assembly.GetName().Version?.ToString()
        ?? "unknown";
}
