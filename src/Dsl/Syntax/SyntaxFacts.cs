using System.Collections.Frozen;

namespace MmuDsl.Dsl.Syntax;

/// <summary>Facts of the language that the parser, the printer and the interpreter share.</summary>
public static class SyntaxFacts
{
    /// <summary>The reserved words: the statement words and the other keywords (docs/language.md, "Lexical").</summary>
    public static FrozenSet<string> ReservedWords { get; } = KeywordsOfTheGrammar();

    /// <summary>True when <paramref name="text"/> is a reserved word.</summary>
    /// <remarks>The reserved words are the grammar's keyword tokens (grammar/Mmu.g4): every token whose
    /// literal is a word, <c>'root'</c> or <c>'interrupt-after'</c>; a new keyword is reserved without
    /// a second list to keep.</remarks>
    public static bool IsReservedWord(string text) => ReservedWords.Contains(text);

    /// <summary>
    /// True when <paramref name="text"/> has the shape of an identifier, <c>[A-Za-z_][A-Za-z0-9_]*</c>
    /// (reserved words have it too; see <see cref="IsReservedWord"/>).
    /// </summary>
    public static bool IsIdentifier(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0 || !(char.IsAsciiLetter(text[0]) || text[0] == '_'))
        {
            return false;
        }

        foreach (char c in text.AsSpan(1))
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The operator as written.</summary>
    public static string GetText(BinaryOperator op) => op switch
    {
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        BinaryOperator.Remainder => "%",
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Less => "<",
        BinaryOperator.LessOrEqual => "<=",
        BinaryOperator.Greater => ">",
        BinaryOperator.GreaterOrEqual => ">=",
        BinaryOperator.In => "in",
        BinaryOperator.Equal => "==",
        BinaryOperator.NotEqual => "!=",
        BinaryOperator.And => "&&",
        BinaryOperator.Or => "||",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };

    /// <summary>The operator as written.</summary>
    public static string GetText(UnaryOperator op) => op switch
    {
        UnaryOperator.Not => "!",
        UnaryOperator.Negate => "-",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };

    /// <summary>
    /// How tightly the operator binds, as in C: 6 for <c>* / %</c>, 5 for <c>+ -</c>, 4 for
    /// <c>&lt; &lt;= &gt; &gt;= in</c>, 3 for <c>== !=</c>, 2 for <c>&amp;&amp;</c>, 1 for <c>||</c>.
    /// Unary operators bind tighter than all of them. Every binary operator is left-associative.
    /// </summary>
    public static int GetPrecedence(BinaryOperator op) => op switch
    {
        BinaryOperator.Multiply or BinaryOperator.Divide or BinaryOperator.Remainder => 6,
        BinaryOperator.Add or BinaryOperator.Subtract => 5,
        BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater
            or BinaryOperator.GreaterOrEqual or BinaryOperator.In => 4,
        BinaryOperator.Equal or BinaryOperator.NotEqual => 3,
        BinaryOperator.And => 2,
        BinaryOperator.Or => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };

    private static FrozenSet<string> KeywordsOfTheGrammar()
    {
        var words = new List<string>();
        // GetLiteralName is null past the last token type.
        var vocabulary = MmuDsl.Dsl.Parsing.Generated.MmuParser.DefaultVocabulary;
        for (int type = 1; type <= byte.MaxValue; type++)
        {
            string? literal = vocabulary.GetLiteralName(type);
            if (literal is { Length: > 2 } && literal[0] == '\'' && literal[^1] == '\'')
            {
                string word = literal[1..^1];
                if (char.IsAsciiLetterLower(word[0]) && word.All(c => char.IsAsciiLetterLower(c) || c == '-'))
                {
                    words.Add(word);
                }
            }
        }

        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
