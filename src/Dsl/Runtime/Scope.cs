namespace MmuDsl.Dsl.Runtime;

/// <summary>
/// A block's variables. <c>let</c> assigns the nearest visible variable of its name and otherwise
/// declares it here; a procedure's scope has the globals as its only parent. Most scopes are a
/// loop body holding just its loop variable, so the first variable lives in fields and a
/// dictionary is made only for a second one (a loop of a million iterations makes a million scopes).
/// </summary>
internal sealed class Scope
{
    private string? _firstName;
    private Value _firstValue;
    private Dictionary<string, Value>? _more;

    public Scope(Scope? parent)
    {
        Parent = parent;
    }

    public Scope? Parent { get; }

    public bool TryGet(string name, out Value value)
    {
        for (var s = this; s != null; s = s.Parent)
        {
            if (s.TryGetHere(name, out value))
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
            if (s.SetHere(name, value, declare: false))
            {
                return;
            }
        }

        SetHere(name, value, declare: true);
    }

    /// <summary>Forgets every variable of this very scope (a loop body's, between iterations).</summary>
    public void Clear()
    {
        _firstName = null;
        _firstValue = default;
        _more?.Clear();
    }

    /// <summary>Declares (or re-sets) a variable in this very scope: loop variables, parameters.</summary>
    public void Declare(string name, Value value) => SetHere(name, value, declare: true);

    private bool TryGetHere(string name, out Value value)
    {
        if (_firstName != null && string.Equals(_firstName, name, StringComparison.Ordinal))
        {
            value = _firstValue;
            return true;
        }

        if (_more != null)
        {
            return _more.TryGetValue(name, out value);
        }

        value = default;
        return false;
    }

    private bool SetHere(string name, Value value, bool declare)
    {
        if (_firstName != null && string.Equals(_firstName, name, StringComparison.Ordinal))
        {
            _firstValue = value;
            return true;
        }

        if (_more != null && _more.ContainsKey(name))
        {
            _more[name] = value;
            return true;
        }

        if (!declare)
        {
            return false;
        }

        if (_firstName == null)
        {
            _firstName = name;
            _firstValue = value;
        }
        else
        {
            (_more ??= new Dictionary<string, Value>(StringComparer.Ordinal))[name] = value;
        }

        return true;
    }
}
