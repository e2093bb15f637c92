using System.Collections;
using System.Reflection;
using MmuDsl.Dsl.Syntax;

namespace MmuDsl.Dsl.Tests;

/// <summary>
/// Compares syntax trees by structure, ignoring every <see cref="SourceSpan"/> (record equality
/// compares <c>ImmutableArray</c>s by reference, and spans differ between a file and its print).
/// </summary>
internal static class SyntaxEquality
{
    /// <summary>Null when equal, else the path to the first difference.</summary>
    public static string? FirstDifference(object? expected, object? actual, string path = "tree")
    {
        if (expected is null || actual is null)
        {
            return expected is null && actual is null ? null : $"{path}: {Describe(expected)} vs {Describe(actual)}";
        }

        Type type = expected.GetType();
        if (type != actual.GetType())
        {
            return $"{path}: {type.Name} vs {actual.GetType().Name}";
        }

        if (expected is SourceSpan)
        {
            return null;
        }

        if (type.IsPrimitive || type.IsEnum || expected is string)
        {
            return Equals(expected, actual) ? null : $"{path}: {Describe(expected)} vs {Describe(actual)}";
        }

        if (expected is IEnumerable expectedItems)
        {
            var left = expectedItems.Cast<object?>().ToList();
            var right = ((IEnumerable)actual).Cast<object?>().ToList();
            if (left.Count != right.Count)
            {
                return $"{path}: {left.Count} items vs {right.Count}";
            }

            for (int i = 0; i < left.Count; i++)
            {
                if (FirstDifference(left[i], right[i], $"{path}[{i}]") is { } difference)
                {
                    return difference;
                }
            }

            return null;
        }

        foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.Name == "EqualityContract")
            {
                continue;
            }

            if (FirstDifference(property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}") is { } difference)
            {
                return difference;
            }
        }

        return null;
    }

    public static void AssertEqual(object? expected, object? actual)
    {
        string? difference = FirstDifference(expected, actual);
        Assert.True(difference is null, difference);
    }

    private static string Describe(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        _ => value.ToString() ?? value.GetType().Name,
    };
}
