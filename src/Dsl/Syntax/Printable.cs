using System.Globalization;
using System.Text;

namespace MmuDsl.Dsl.Syntax;

/// <summary>
/// How user text appears in a diagnostic: a character as it is when it is printable, otherwise as
/// <c>U+XXXX</c> (a NUL, a control or format character, a lone surrogate, an unassigned code point,
/// a space other than ' '), so that no message carries a raw control byte to the terminal and a
/// valid emoji is never shown as U+FFFD.
/// </summary>
public static class Printable
{
    /// <summary>True when <paramref name="rune"/> is shown as itself.</summary>
    public static bool IsPrintable(Rune rune) => rune.Value == ' ' || Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned
            or UnicodeCategory.PrivateUse or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
            or UnicodeCategory.SpaceSeparator => false,
        _ => true,
    };

    /// <summary>The character at <paramref name="index"/> (a surrogate pair as one): <c>'😀'</c>, or <c>U+0000</c>.</summary>
    public static string Character(string text, int index)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (rune, _) = RuneAt(text, index);
        return rune is { } r && IsPrintable(r) ? $"'{r}'" : CodePoint(text, index);
    }

    /// <summary><paramref name="text"/> with every character that is not printable written <c>U+XXXX</c>.</summary>
    public static string Text(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsAllPrintable(text))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        for (int i = 0; i < text.Length;)
        {
            var (rune, length) = RuneAt(text, i);
            sb.Append(rune is { } r && (IsPrintable(r) || r.Value == '\t') ? text.AsSpan(i, length) : CodePoint(text, i));
            i += length;
        }

        return sb.ToString();
    }

    /// <summary>
    /// A source line as a diagnostic shows it (characters that are not printable as <c>U+XXXX</c>,
    /// tabs kept) and the caret line under 1-based <paramref name="column"/> (counted in UTF-16 code
    /// units of the raw line): the caret copies the tabs and skips the width of each shown character.
    /// </summary>
    public static (string Line, string Caret) Excerpt(string line, int column)
    {
        ArgumentNullException.ThrowIfNull(line);
        var shown = new StringBuilder(line.Length + 8);
        var caret = new StringBuilder(Math.Min(column, line.Length) + 8);
        int target = Math.Max(0, column - 1);
        for (int i = 0; i < line.Length;)
        {
            var (rune, length) = RuneAt(line, i);
            string piece = rune is { } r && (IsPrintable(r) || r.Value == '\t') ? line.Substring(i, length) : CodePoint(line, i);
            shown.Append(piece);
            if (i < target)
            {
                if (piece == "\t")
                {
                    caret.Append('\t');
                }
                else
                {
                    // A printable character takes one column (a pair of surrogates too).
                    caret.Append(' ', piece.Length == length ? 1 : piece.Length);
                }
            }

            i += length;
        }

        if (target > line.Length)
        {
            caret.Append(' ', target - line.Length);
        }

        caret.Append('^');
        return (shown.ToString(), caret.ToString());
    }

    private static bool IsAllPrintable(string text)
    {
        foreach (char c in text)
        {
            if (c < 0x20 || c >= 0x7f)
            {
                return false;
            }
        }

        return true;
    }

    // The rune at `index` and its length in code units; a lone surrogate is (null, 1).
    private static (Rune? Rune, int Length) RuneAt(string text, int index) =>
        Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out int consumed) == System.Buffers.OperationStatus.Done
            ? (rune, consumed)
            : (null, 1);

    private static string CodePoint(string text, int index)
    {
        var (rune, _) = RuneAt(text, index);
        int value = rune?.Value ?? text[index];
        return "U+" + value.ToString(value > 0xFFFF ? "X5" : "X4", CultureInfo.InvariantCulture);
    }
}
