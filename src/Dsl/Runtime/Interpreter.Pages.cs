using System.Globalization;
using MmuDsl.Dsl.Syntax;
using MmuDsl.Mmu;

namespace MmuDsl.Dsl.Runtime;

/// <summary>Page names: built from adjacent parts (<c>L$i</c>, <c>L${$i * 8}</c>, <c>$p</c>), then looked up.</summary>
internal sealed partial class Interpreter
{
    private string PageNameText(PageName name, Scope scope)
    {
        if (name.LiteralText is { } literal)
        {
            return literal;
        }

        // An identifier followed by integers is always an identifier and never a reserved word
        // (none has a digit): the common case (L$i, B${$a * 64 + $b}) skips both checks.
        var sb = _nameBuilder.Clear();
        bool plain = name.Parts[0] is NameTextPart;
        foreach (var part in name.Parts)
        {
            Value v;
            switch (part)
            {
                case NameTextPart text:
                    sb.Append(text.Text);
                    continue;
                case NameVariablePart variable:
                    v = Variable(variable.Name, variable.Span, scope);
                    break;
                case NameExpressionPart expression:
                    v = Evaluate(expression.Expression, scope);
                    break;
                default:
                    continue;
            }

            if (v.Kind == ValueKind.Int)
            {
                long n = v.AsInt;
                plain &= n >= 0;
                sb.Append(n);
            }
            else
            {
                plain = false;
                sb.Append(NamePartValue(v, part.Span));
            }
        }

        string built = sb.ToString();
        if (plain)
        {
            return built;
        }

        if (!SyntaxFacts.IsIdentifier(built))
        {
            throw new ScriptRuntimeException(name.Span, $"the page name built here, '{built}', is not an identifier ([A-Za-z_][A-Za-z0-9_]*)");
        }

        if (SyntaxFacts.IsReservedWord(built))
        {
            throw new ScriptRuntimeException(name.Span, $"the page name built here, '{built}', is a reserved word");
        }

        return built;
    }

    private static string NamePartValue(Value v, SourceSpan span) => v.Kind switch
    {
        ValueKind.Int or ValueKind.String => v.ToString(),
        _ => throw new ScriptRuntimeException(span, $"a part of a page name must be an int or a string, not {Value.TypeName(v.Kind)} ({v.ToLiteral()})"),
    };

    /// <summary>
    /// Builds a name of literal text and non-negative ints (the names that need no check, see
    /// <see cref="PageNameText"/>) into <paramref name="buffer"/>; false for any other name or one
    /// that does not fit, which the caller then builds as a string.
    /// </summary>
    private bool TryBuildPlainName(PageName name, Scope scope, Span<char> buffer, out int length)
    {
        length = 0;
        var parts = name.Parts;
        if (parts[0] is not NameTextPart)
        {
            return false;
        }

        foreach (var part in parts)
        {
            Value v;
            switch (part)
            {
                case NameTextPart text:
                    if (!text.Text.TryCopyTo(buffer[length..]))
                    {
                        return false;
                    }

                    length += text.Text.Length;
                    continue;
                case NameVariablePart variable:
                    v = Variable(variable.Name, variable.Span, scope);
                    break;
                default:
                    v = Evaluate(((NameExpressionPart)part).Expression, scope);
                    break;
            }

            if (v.Kind != ValueKind.Int || v.AsInt < 0 || !v.AsInt.TryFormat(buffer[length..], out int written, default, CultureInfo.InvariantCulture))
            {
                return false;
            }

            length += written;
        }

        return true;
    }

    /// <summary>A page that exists (zapped or not): for reading fields and <c>show</c>.</summary>
    private ShadowPage AnyPage(PageName name, Scope scope)
    {
        if (name.LiteralText == null)
        {
            // The common built name (L$i) is looked up from a stack buffer: no string per lookup.
            Span<char> buffer = stackalloc char[64];
            if (TryBuildPlainName(name, scope, buffer, out int length) && _mmu.FindPage(buffer[..length]) is { } found)
            {
                return found;
            }
        }

        string text = PageNameText(name, scope);
        return _mmu.FindPage(text)
            ?? throw new ScriptRuntimeException(name.Span, $"unknown page '{text}': no root or page of that name was made{Suggest(text)}");
    }

    /// <summary>A page that exists and was not zapped: for every statement that changes the engine.</summary>
    private ShadowPage LivePage(PageName name, Scope scope)
    {
        var page = AnyPage(name, scope);
        if (page.Zapped)
        {
            throw new ScriptRuntimeException(name.Span, $"page '{page.Name}' was zapped; only 'expect' and 'show' may use a zapped page");
        }

        return page;
    }

    private void CreatePage(PageName name, Expr levelExpr, Expr? gfnExpr, Expr? roleExpr, Scope scope, bool isRoot)
    {
        string text = PageNameText(name, scope);
        long level = EvaluateInt(levelExpr, scope, "a level");
        long? gfn = gfnExpr == null ? null : EvaluateInt(gfnExpr, scope, "a gfn");
        long role = roleExpr == null ? 0 : EvaluateInt(roleExpr, scope, "a role");
        if (role is < 0 or > int.MaxValue)
        {
            throw new ScriptRuntimeException(roleExpr!.Span, $"a role is a number from 0 to {int.MaxValue}, not {role}");
        }

        int min = isRoot ? 2 : 1;

        // A name declared twice is reported before anything else; the engine finds it too, so the
        // lookup is made here only when another check is about to fail (one lookup per page, not two).
        bool failing = level < min || level > 5 || gfn is < 0 || _mmu.Pages.Count >= _maxPages;
        if (failing && _mmu.FindPage(text) is { } existing)
        {
            throw DeclaredTwice(name, text, existing);
        }

        if (level < min || level > 5)
        {
            throw new ScriptRuntimeException(levelExpr.Span, $"{(isRoot ? "a root" : "a page")} has a level from {min} to 5, not {level}");
        }

        if (gfn is < 0)
        {
            throw new ScriptRuntimeException(gfnExpr!.Span, $"a gfn is never negative ({gfn})");
        }

        if (_mmu.Pages.Count >= _maxPages)
        {
            throw new ScriptRuntimeException(name.Span, ErrorKind.PageLimit, $"page limit reached: this run already made {_maxPages} pages (raise it with 'set max_pages N' or --max-pages)");
        }

        try
        {
            if (isRoot)
            {
                _mmu.CreateRoot(text, (int)level, gfn, (int)role);
            }
            else
            {
                _mmu.CreatePage(text, (int)level, gfn, (int)role);
            }
        }
        catch (MmuException e) when (e.Kind == MmuErrorKind.DuplicateName && _mmu.FindPage(text) is { } first)
        {
            throw DeclaredTwice(name, text, first);
        }
        catch (MmuException e)
        {
            throw new ScriptRuntimeException(gfnExpr?.Span ?? name.Span, e.Message);
        }
    }

    private static ScriptRuntimeException DeclaredTwice(PageName name, string text, ShadowPage existing) =>
        new(name.Span, $"page '{text}' is declared twice (it is already a level-{existing.Level} {(existing.IsRoot ? "root" : "page")})");

    private string Suggest(string text)
    {
        // A near miss is usually a typo or a different case: name the closest page if there is one.
        string? best = null;
        int bestDistance = int.MaxValue;
        int seen = 0;
        foreach (var page in _mmu.Pages)
        {
            if (++seen > 10_000)
            {
                break;
            }

            int d = Distance(text, page.Name);
            if (d < bestDistance)
            {
                bestDistance = d;
                best = page.Name;
            }
        }

        return best != null && bestDistance <= Math.Max(1, text.Length / 3) ? $" (did you mean '{best}'?)" : string.Empty;
    }

    private static int Distance(string a, string b)
    {
        // Typos are short: long names are not compared (the cost is quadratic in the length).
        if (Math.Abs(a.Length - b.Length) > 3 || a.Length > 64 || b.Length > 64)
        {
            return int.MaxValue;
        }

        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }

            (prev, cur) = (cur, prev);
        }

        return prev[b.Length];
    }
}
