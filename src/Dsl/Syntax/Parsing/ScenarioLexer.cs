using Antlr4.Runtime;
using MmuDsl.Dsl.Parsing.Generated;

namespace MmuDsl.Dsl.Syntax.Parsing;

/// <summary>
/// The generated lexer, plus the inside of strings, which a combined ANTLR grammar cannot lex
/// (no lexer modes) without predicates that would cost every token the lexer's DFA cache. The
/// tokens are those described under "Strings" in grammar/Mmu.g4. Strings nest through
/// <c>${...}</c>, where the generated rules apply again until the <c>}</c> that closes the
/// interpolation (braces opened inside it are counted), so the state is a stack. Every line
/// starts outside any string: a string still open at the end of its line is recorded in
/// <see cref="UnterminatedStrings"/> (its opening quote) and abandoned.
/// </summary>
internal sealed class ScenarioLexer : MmuLexer
{
    // One frame per open string or interpolation, innermost last. A string frame has Braces -1.
    private readonly List<(IToken Opener, int Braces)> frames = [];
    private readonly List<IToken> unterminatedStrings = [];

    public ScenarioLexer(ICharStream input)
        : base(input, TextWriter.Null, TextWriter.Null)
    {
        RemoveErrorListeners();
    }

    /// <summary>The opening quotes of the strings not closed on their line.</summary>
    public IReadOnlyList<IToken> UnterminatedStrings => unterminatedStrings;

    private bool InString => frames.Count > 0 && frames[^1].Braces < 0;

    public override IToken NextToken()
    {
        IToken token = InString ? NextStringToken() : base.NextToken();
        int type = token.Type;
        if (type is NEWLINE or BLOCK_OPEN or TokenConstants.EOF)
        {
            int outermostString = frames.FindIndex(f => f.Braces < 0);
            if (outermostString >= 0)
            {
                unterminatedStrings.Add(frames[outermostString].Opener);
            }

            frames.Clear();
        }
        else if (InString)
        {
            if (type == QUOTE)
            {
                frames.RemoveAt(frames.Count - 1);
            }
            else if (type == DOLLAR_LBRACE)
            {
                frames.Add((token, 0));
            }
        }
        else if (type == QUOTE)
        {
            frames.Add((token, -1));
        }
        else if (frames.Count > 0)
        {
            var (opener, braces) = frames[^1];
            if (type is LBRACE or DOLLAR_LBRACE)
            {
                frames[^1] = (opener, braces + 1);
            }
            else if (type == RBRACE)
            {
                frames[^1] = (opener, braces - 1);
                if (braces == 0)
                {
                    frames.RemoveAt(frames.Count - 1);
                }
            }
        }

        return token;
    }

    /// <summary>The next token between a string's quotes.</summary>
    private IToken NextStringToken()
    {
        var input = (ICharStream)InputStream;
        int first = input.LA(1);
        if (first == IntStreamConstants.EOF)
        {
            return base.NextToken();
        }

        int second = input.LA(2);
        (int type, int length) = first switch
        {
            '"' => (QUOTE, 1),
            '\n' => (NEWLINE, 1),
            '\r' when second == '\n' => (NEWLINE, 2),
            '\\' => (MmuParser.STR_ESCAPE, second is IntStreamConstants.EOF or '\r' or '\n' ? 1 : 2),
            '$' when second == '{' => (DOLLAR_LBRACE, 2),
            '$' when IsIdentifierStart(second) => (VAR, 1 + IdentifierLength(input, 2)),
            '$' => (DOLLAR, 1),
            _ => (MmuParser.STR_TEXT, TextLength(input)),
        };

        var token = new CommonToken(
            new Tuple<ITokenSource, ICharStream>(this, input), type, TokenConstants.DefaultChannel, input.Index, input.Index + length - 1)
        {
            Line = Interpreter.Line,
            Column = Interpreter.Column,
        };
        for (int i = 0; i < length; i++)
        {
            Interpreter.Consume(input);
        }

        return token;
    }

    private static bool IsIdentifierStart(int c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_';

    private static bool IsIdentifierPart(int c) => IsIdentifierStart(c) || c is >= '0' and <= '9';

    private static int IdentifierLength(ICharStream input, int from)
    {
        int i = from;
        while (IsIdentifierPart(input.LA(i)))
        {
            i++;
        }

        return i - from;
    }

    private static int TextLength(ICharStream input)
    {
        int i = 1;
        while (true)
        {
            int c = input.LA(i);
            if (c is IntStreamConstants.EOF or '"' or '\\' or '$' or '\n' || (c == '\r' && input.LA(i + 1) == '\n'))
            {
                return i - 1;
            }

            i++;
        }
    }
}
