namespace MmuDsl.Dsl.Runtime;

/// <summary>
/// A block's variables. <c>let</c> assigns the nearest visible variable of its name and otherwise
/// declares it here; a procedure's scope has the globals as its only parent.
/// </summary>
internal sealed class Scope
{
    private readonly Dictionary<string, Value> _vars = new(StringComparer.Ordinal);

    public Scope(Scope? parent)
    {
        Parent = parent;
    }

    public Scope? Parent { get; }

    public bool TryGet(string name, out Value value)
    {
        for (var s = this; s != null; s = s.Parent)
        {
            if (s._vars.TryGetValue(name, out value))
            {
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary><c>let</c>: assign the nearest visible variable, or declare one here.</summary>
    public void Assign(string name, Value value)
    {
        for (var s = this; s != null; s = s.Parent)
        {
            if (s._vars.ContainsKey(name))
            {
                s._vars[name] = value;
                return;
            }
        }

        _vars[name] = value;
    }

    /// <summary>Declares (or re-sets) a variable in this very scope: loop variables, parameters.</summary>
    public void Declare(string name, Value value) => _vars[name] = value;
}
