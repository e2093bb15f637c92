using System.Collections.Immutable;
using System.Globalization;

namespace MmuDsl.Dsl.Runtime;

/// <summary>
/// A value of the language: an integer, a boolean, a set of integers or a string. A small struct
/// (no boxing for integers and booleans, which loops and arithmetic use most).
/// </summary>
public readonly struct Value : IEquatable<Value>
{
    private readonly long _number;
    private readonly object? _ref;

    private Value(ValueKind kind, long number, object? reference)
    {
        Kind = kind;
        _number = number;
        _ref = reference;
    }

    /// <summary>The value's type.</summary>
    public ValueKind Kind { get; }

    /// <summary>The integer (Kind is Int).</summary>
    public long AsInt => _number;

    /// <summary>The boolean (Kind is Bool).</summary>
    public bool AsBool => _number != 0;

    /// <summary>The set, ascending (Kind is Set).</summary>
    public ImmutableSortedSet<long> AsSet => (ImmutableSortedSet<long>)_ref!;

    /// <summary>The string (Kind is String).</summary>
    public string AsString => (string)_ref!;

    /// <summary>The boolean true.</summary>
    public static Value True { get; } = new(ValueKind.Bool, 1, null);

    /// <summary>The boolean false.</summary>
    public static Value False { get; } = new(ValueKind.Bool, 0, null);

    /// <summary>An integer value.</summary>
    public static Value Int(long n) => new(ValueKind.Int, n, null);

    /// <summary>A boolean value.</summary>
    public static Value Bool(bool b) => b ? True : False;

    /// <summary>A set value.</summary>
    public static Value Set(ImmutableSortedSet<long> set) => new(ValueKind.Set, 0, set);

    /// <summary>A set value from integers.</summary>
    public static Value Set(IEnumerable<int> items) => Set(items.Select(i => (long)i).ToImmutableSortedSet());

    /// <summary>A string value.</summary>
    public static Value String(string s) => new(ValueKind.String, 0, s);

    /// <summary>The name of a type as diagnostics print it.</summary>
    public static string TypeName(ValueKind kind) => kind switch
    {
        ValueKind.Int => "int",
        ValueKind.Bool => "bool",
        ValueKind.Set => "set",
        _ => "string",
    };

    /// <summary>The value as the language prints it: <c>42</c>, <c>true</c>, <c>{0,7}</c>, text.</summary>
    public override string ToString() => Kind switch
    {
        ValueKind.Int => _number.ToString(CultureInfo.InvariantCulture),
        ValueKind.Bool => AsBool ? "true" : "false",
        ValueKind.Set => "{" + string.Join(",", AsSet.Select(i => i.ToString(CultureInfo.InvariantCulture))) + "}",
        _ => AsString,
    };

    /// <summary>The value as an expression would write it (strings quoted).</summary>
    public string ToLiteral() => Kind == ValueKind.String
        ? "\"" + AsString.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("$", "\\$", StringComparison.Ordinal) + "\""
        : ToString();

    /// <inheritdoc/>
    public bool Equals(Value other)
    {
        if (Kind != other.Kind)
        {
            return false;
        }

        return Kind switch
        {
            ValueKind.Int or ValueKind.Bool => _number == other._number,
            ValueKind.Set => AsSet.SetEquals(other.AsSet),
            _ => string.Equals(AsString, other.AsString, StringComparison.Ordinal),
        };
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Value v && Equals(v);

    /// <inheritdoc/>
    public override int GetHashCode() => Kind switch
    {
        ValueKind.Int or ValueKind.Bool => HashCode.Combine(Kind, _number),
        ValueKind.Set => AsSet.Aggregate((int)Kind, (h, i) => HashCode.Combine(h, i)),
        _ => HashCode.Combine(Kind, AsString),
    };

    /// <summary>Equality.</summary>
    public static bool operator ==(Value left, Value right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(Value left, Value right) => !left.Equals(right);
}
