using Antlr4.Runtime;
using Antlr4.Runtime.Misc;
using MmuDsl.Dsl.Parsing.Generated;

namespace MmuDsl.Dsl.Syntax.Parsing;

/// <summary>
/// Words a script author reads instead of ANTLR's token dumps: "expected an index expression
/// after '[', found ']'", "unknown statement 'foo'", "end of line" rather than <c>'\n'</c>.
/// </summary>
internal static class SyntaxErrorMessages
{
    private static readonly int[] StatementWords =
    [
        MmuParser.ROOT, MmuParser.PAGE, MmuParser.LINK, MmuParser.MAP, MmuParser.UNLINK, MmuParser.UNSYNC,
        MmuParser.SYNC, MmuParser.FAIL_SYNC, MmuParser.ZAP, MmuParser.ZAP_UNSYNC_CHILDREN, MmuParser.SET,
        MmuParser.ALGORITHMS, MmuParser.LET, MmuParser.FOR, MmuParser.PROC, MmuParser.CALL, MmuParser.INCLUDE,
        MmuParser.ECHO, MmuParser.SHOW, MmuParser.STATS, MmuParser.TRACE, MmuParser.EXPECT,
    ];

    private static readonly int[] OtherKeywords =
    [
        MmuParser.LEVEL, MmuParser.GFN, MmuParser.LARGE, MmuParser.INTERRUPT_AFTER, MmuParser.YIELD_AFTER, MmuParser.IN,
        MmuParser.INVARIANTS, MmuParser.TRUE, MmuParser.FALSE, MmuParser.STAT,
    ];

    private static readonly int[] ExpressionStarts =
    [
        MmuParser.INT, MmuParser.TRUE, MmuParser.FALSE, MmuParser.QUOTE, MmuParser.LBRACE, MmuParser.LPAREN,
        MmuParser.STAT, MmuParser.ID, MmuParser.VAR, MmuParser.DOLLAR_LBRACE, MmuParser.NOT, MmuParser.MINUS,
    ];

    private static readonly int[] NameStarts = [MmuParser.ID, MmuParser.VAR, MmuParser.DOLLAR_LBRACE];

    private static readonly int[] BinaryOperators =
    [
        MmuParser.STAR, MmuParser.SLASH, MmuParser.PERCENT, MmuParser.PLUS, MmuParser.MINUS, MmuParser.LT,
        MmuParser.LE, MmuParser.GT, MmuParser.GE, MmuParser.IN, MmuParser.EQ, MmuParser.NE, MmuParser.AND, MmuParser.OR,
    ];

    /// <summary>The message for an error the parser raised at <paramref name="e"/>'s offending token.</summary>
    public static string ForException(Parser parser, RecognitionException e)
    {
        IToken offending = e.OffendingToken;
        IToken? previous = Previous(parser, offending);
        if (e is NoViableAltException noViable && noViable.StartToken.TokenIndex != offending.TokenIndex)
        {
            IToken start = noViable.StartToken;
            if (NameStarts.Contains(start.Type) && previous is not null && parser.Context is MmuParser.PrimaryContext)
            {
                return $"expected '.' and a field name after the page name {Quote(TextBetween(parser, start, previous))}, as in 'R.unsync'";
            }

            return $"unexpected {Found(offending)}{After(previous)}";
        }

        return ForMismatch(parser, offending, e.GetExpectedTokens());
    }

    /// <summary>The message for <paramref name="offending"/> where one of <paramref name="expected"/> should be.</summary>
    public static string ForMismatch(Parser parser, IToken offending, IntervalSet expected)
    {
        IToken? previous = Previous(parser, offending);
        string after = After(previous);
        if (offending.Type == MmuParser.ERROR_CHAR)
        {
            return $"unexpected character {Character(offending)}{after}";
        }

        if (offending.Type == MmuParser.DOLLAR)
        {
            return "'$' must start a variable, as in '$n', or an expression, as in '${$n + 1}'";
        }

        string? wanted = DescribeExpected(expected, previous);
        string message;
        if (wanted is null)
        {
            message = $"unexpected {Found(offending)}{after}";
        }
        else if (offending.Type is MmuParser.NEWLINE or TokenConstants.EOF)
        {
            message = $"expected {wanted}{after}";
        }
        else
        {
            message = $"expected {wanted}{after}, found {Found(offending)}";
        }

        if (expected.Contains(MmuParser.ID) && SyntaxFacts.IsReservedWord(offending.Text ?? string.Empty))
        {
            message += $" ('{offending.Text}' is a reserved word)";
        }
        else if (parser.Context is MmuParser.PageNameContext && previous is not null
            && offending.Type is MmuParser.VAR or MmuParser.DOLLAR_LBRACE && previous.StopIndex + 1 < offending.StartIndex)
        {
            message += " (the parts of a page name are written without spaces between them)";
        }

        return message;
    }

    /// <summary>The message for a token that cannot start a line.</summary>
    public static string ForLineStart(IToken token) => token.Type switch
    {
        MmuParser.ID => $"unknown statement {Quote(token.Text)}",
        MmuParser.RBRACE => "unexpected '}': no block is open here",
        MmuParser.BLOCK_OPEN => "unexpected '{': a block is opened by the '{' that ends a 'for' or 'proc' line",
        MmuParser.ERROR_CHAR => $"unexpected character {Character(token)}",
        _ => $"expected a statement, found {Found(token)}",
    };

    /// <summary>The message for a block whose <c>}</c> never comes.</summary>
    public static string ForUnclosedBlock() =>
        "this block is not closed: a line with '}' must end it before the end of the file";

    private static string? DescribeExpected(IntervalSet expected, IToken? previous)
    {
        var types = expected.ToList().Where(t => t > 0 || t == TokenConstants.EOF).ToHashSet();
        types.Remove(MmuParser.SKIPPED);
        var parts = new List<string>();

        bool expression = types.IsSupersetOf([MmuParser.INT, MmuParser.VAR, MmuParser.LPAREN, MmuParser.NOT]);

        // After a name part, a name could go on with an adjacent part; nobody means that.
        if (!expression && previous?.Type is MmuParser.ID or MmuParser.VAR or MmuParser.RBRACE
            && NameStarts.All(types.Contains) && types.Count > NameStarts.Length)
        {
            types.ExceptWith(NameStarts);
        }

        if (expression)
        {
            parts.Add(previous?.Type == MmuParser.LBRACK ? "an index expression" : "an expression");
            types.ExceptWith(ExpressionStarts);
        }
        else if (NameStarts.All(types.Contains))
        {
            parts.Add("a page name");
            types.ExceptWith(NameStarts);
        }

        if (types.IsSupersetOf([MmuParser.ROOT, MmuParser.SHOW, MmuParser.EXPECT]) && types.Contains(MmuParser.ID))
        {
            parts.Add("a field name");
            types.ExceptWith(StatementWords);
            types.ExceptWith(OtherKeywords);
            types.Remove(MmuParser.ID);
        }
        else if (types.IsSupersetOf([MmuParser.ROOT, MmuParser.SHOW, MmuParser.EXPECT]))
        {
            parts.Add("a statement");
            types.ExceptWith(StatementWords);
            types.Remove(MmuParser.AT_NAME);
        }

        if (previous?.Type == MmuParser.ALGORITHMS && types.Contains(MmuParser.ID) && types.Remove(MmuParser.QUOTE))
        {
            types.Remove(MmuParser.ID);
            parts.Add("an algorithm's name (such as 'legacy') or a plug-in's path in quotes");
        }

        if (types.Remove(MmuParser.ID))
        {
            parts.Add(NameKind(previous));
        }

        // (`in` alone is the keyword of `for`, not the operator.)
        if (types.Overlaps(BinaryOperators) && !(types.Count == 1 && types.Contains(MmuParser.IN)))
        {
            bool onlyOperators = parts.Count == 0 && types.All(BinaryOperators.Contains);
            types.ExceptWith(BinaryOperators);
            if (onlyOperators)
            {
                parts.Add("an operator");
            }
        }

        if (types.Remove(MmuParser.DOT))
        {
            parts.Add("'.' and a field name");
        }

        if (types.Remove(MmuParser.BLOCK_OPEN))
        {
            parts.Add("'{' ending the line");
        }

        bool endOfLine = types.Remove(MmuParser.NEWLINE);
        bool endOfFile = types.Remove(TokenConstants.EOF);
        parts.AddRange(types.Order().Select(t => MmuParser.DefaultVocabulary.GetLiteralName(t) ?? MmuParser.DefaultVocabulary.GetDisplayName(t)));
        if (endOfLine)
        {
            parts.Add("end of line");
        }

        if (endOfFile)
        {
            parts.Add("end of file");
        }

        return parts.Count switch
        {
            0 => null,
            1 => parts[0],
            _ => string.Join(", ", parts.Take(parts.Count - 1)) + " or " + parts[^1],
        };
    }

    private static string NameKind(IToken? previous) => previous?.Type switch
    {
        MmuParser.LET or MmuParser.FOR => "a variable name",
        MmuParser.SET => "a setting name, such as 'pvec'",
        MmuParser.PROC or MmuParser.CALL => "a procedure name",
        MmuParser.ALGORITHMS => "an algorithm's name (such as 'legacy') or a plug-in's path in quotes",
        MmuParser.LPAREN or MmuParser.COMMA => "a parameter name",
        MmuParser.DOT => "a field name",
        _ => "a name",
    };

    private static IToken? Previous(Parser parser, IToken token)
    {
        var tokens = (ITokenStream)parser.InputStream;
        return token.TokenIndex > 0 ? tokens.Get(token.TokenIndex - 1) : null;
    }

    /// <summary>" after 'X'" when the token before the offending one is on its line.</summary>
    private static string After(IToken? previous)
    {
        if (previous is null || previous.Type is MmuParser.NEWLINE or MmuParser.BLOCK_OPEN or MmuParser.GOLDEN or MmuParser.SKIPPED)
        {
            return string.Empty;
        }

        // Errors never follow an opening quote (a string that does not close is reported before).
        return previous.Type == MmuParser.QUOTE ? " after the string" : $" after {Quote(previous.Text)}";
    }

    private static string Found(IToken token) => token.Type switch
    {
        TokenConstants.EOF => "end of file",
        MmuParser.NEWLINE => "end of line",
        MmuParser.QUOTE => "a string",
        MmuParser.GOLDEN => "a golden block",
        MmuParser.BLOCK_OPEN => "'{'",
        MmuParser.ERROR_CHAR => $"the character {Character(token)}",
        _ => Quote(token.Text),
    };

    private static string TextBetween(Parser parser, IToken first, IToken last) =>
        ((ITokenStream)parser.InputStream).GetText(first, last);

    private static string Quote(string? text)
    {
        text ??= string.Empty;
        return Printable.Text(text.Length > 32 ? $"'{text[..29]}...'" : $"'{text}'");
    }

    // The character a one-character error token stands at: the whole of a surrogate pair (the
    // lexer reads UTF-16 code units, so an emoji is two tokens; the line is reported once).
    private static string Character(IToken token)
    {
        string text = token.Text ?? string.Empty;
        if (text.Length == 1 && char.IsHighSurrogate(text[0]) && token.InputStream is { } input && token.StartIndex + 1 < input.Size)
        {
            text = input.GetText(Interval.Of(token.StartIndex, token.StartIndex + 1));
        }

        return text.Length == 0 ? "''" : Printable.Character(text, 0);
    }
}
