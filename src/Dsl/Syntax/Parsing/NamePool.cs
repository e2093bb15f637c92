namespace MmuDsl.Dsl.Syntax.Parsing;

/// <summary>
/// One string per distinct short name in a file's syntax tree (a million <c>let x = 1</c> lines
/// hold one "x", not a million). Bounded: past <see cref="Capacity"/> names, or for a long one, the
/// string is kept as it is.
/// </summary>
internal sealed class NamePool
{
    private const int Capacity = 1 << 16;
    private const int MaxLength = 64;
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

    public string Intern(string name)
    {
        if (name.Length > MaxLength)
        {
            return name;
        }

        if (_names.TryGetValue(name, out var pooled))
        {
            return pooled;
        }

        if (_names.Count < Capacity)
        {
            _names.Add(name, name);
        }

        return name;
    }
}
