using MmuDsl.Plugins;

namespace MmuDsl.Dsl.Runtime;

/// <summary>The error of an <c>@NAME</c> that names no algorithm the registry knows.</summary>
internal static class UnknownQualifier
{
    /// <summary>The message, listing the names the registry knows.</summary>
    public static string Message(string name, AlgorithmRegistry registry) =>
        $"unknown algorithm '@{name}': write @ and an algorithm's name ({registry.Names()})";
}
