using Antlr4.Runtime;
using MmuDsl.Dsl.Parsing.Generated;

namespace MmuDsl.Dsl.Syntax.Parsing;

/// <summary>
/// Checks the token stream, line by line, before the (recursive) parser sees it, so that no input
/// can overflow the stack: blocks nested deeper than <see cref="ParseOptions.MaxBlockDepth"/>, a
/// statement nested deeper than <see cref="ParseOptions.MaxExpressionDepth"/> or holding more than
/// <see cref="ParseOptions.MaxOperatorsPerStatement"/> operators. It also reports unterminated
/// strings and golden blocks. A rejected line is reported once and replaced by one SKIPPED token,
/// which the grammar accepts and the lowering drops; a block nested too deep is replaced whole.
/// The line keeps a leading <c>}</c> and a trailing <c>{</c> (BLOCK_OPEN), so the block structure
/// around it still parses. Lastly, a NEWLINE is added before EOF when the text does not end with one.
/// Read this when adding a bracket or an operator token: the depth count below must know it.
/// </summary>
internal sealed class TokenPreScanner
{
    private readonly IList<IToken> input;
    private readonly string text;
    private readonly ParseOptions options;
    private readonly LineMap map;
    private readonly List<Diagnostic> diagnostics;
    private readonly IReadOnlySet<int> unterminatedStringStarts;
    private readonly List<IToken> output = [];
    private readonly HashSet<IToken> unterminatedGoldens = new(ReferenceEqualityComparer.Instance);

    private TokenPreScanner(
        IList<IToken> input, IReadOnlySet<int> unterminatedStrings, string text, ParseOptions options, LineMap map, List<Diagnostic> diagnostics)
    {
        this.input = input;
        this.text = text;
        this.options = options;
        this.map = map;
        this.diagnostics = diagnostics;
        unterminatedStringStarts = unterminatedStrings;
    }

    /// <param name="input">The tokens of whole top-level lines (a chunk of the file, or all of it), EOF last.</param>
    /// <param name="unterminatedStrings">Where the strings not closed on their line open (their quotes' offsets).</param>
    /// <param name="text">The file's text.</param>
    /// <param name="options">The limits.</param>
    /// <param name="map">The file's line map.</param>
    /// <param name="diagnostics">Where to report.</param>
    public static PreScanResult Scan(
        IList<IToken> input, IReadOnlySet<int> unterminatedStrings, string text, ParseOptions options, LineMap map, List<Diagnostic> diagnostics)
    {
        var scanner = new TokenPreScanner(input, unterminatedStrings, text, options, map, diagnostics);
        scanner.Run();
        return new PreScanResult(scanner.output, scanner.unterminatedGoldens);
    }

    /// <summary>The tokens that end a line: a line break, a block's <c>{</c> (its line break included), the end.</summary>
    private static bool IsLineEnd(int type) => type is MmuParser.NEWLINE or MmuParser.BLOCK_OPEN or TokenConstants.EOF;

    private void Run()
    {
        int blockDepth = 0;
        int i = 0;
        while (i < input.Count)
        {
            IToken token = input[i];
            switch (token.Type)
            {
                case TokenConstants.EOF:
                    if (output.Count > 0 && output[^1].Type is not (MmuParser.NEWLINE or MmuParser.GOLDEN))
                    {
                        output.Add(Synthetic(MmuParser.NEWLINE, token.StartIndex, token.StartIndex - 1));
                    }

                    output.Add(token);
                    return;
                case MmuParser.GOLDEN_UNTERMINATED:
                    Report(token.StartIndex, token.StartIndex + 4, "golden block is not closed: end it with a line of exactly '----'");
                    IToken golden = Synthetic(MmuParser.GOLDEN, token.StartIndex, text.Length - 1);
                    unterminatedGoldens.Add(golden);
                    output.Add(golden);
                    i = input.Count - 1;
                    continue;
                case MmuParser.NEWLINE or MmuParser.GOLDEN:
                    output.Add(token);
                    i++;
                    continue;
            }

            int end = i;
            while (!IsLineEnd(input[end].Type))
            {
                end++;
            }

            i = ScanLine(i, end, ref blockDepth);
        }
    }

    /// <summary>
    /// Scans the line input[start..end) (input[end] ends it: NEWLINE, BLOCK_OPEN or EOF) and
    /// returns the index of the token the scan goes on at.
    /// </summary>
    private int ScanLine(int start, int end, ref int blockDepth)
    {
        bool closes = start < end && input[start].Type == MmuParser.RBRACE;
        bool opens = input[end].Type == MmuParser.BLOCK_OPEN;
        if (closes)
        {
            blockDepth = Math.Max(0, blockDepth - 1);
        }

        if (opens && blockDepth + 1 > options.MaxBlockDepth)
        {
            IToken brace = input[end];
            Report(brace.StartIndex, brace.StartIndex + 1, $"blocks nested too deeply (more than {options.MaxBlockDepth} levels)");
            int last = FindBlockEnd(end + 1);
            int first = start < end ? start : end;
            output.Add(Synthetic(MmuParser.SKIPPED, input[first].StartIndex, input[last].StopIndex));
            return last + 1;
        }

        if (CheckLine(start, end) is { } violation)
        {
            Report(violation.Token.StartIndex, violation.Token.StopIndex + 1, violation.Message);
            if (closes)
            {
                output.Add(input[start]);
            }

            int first = closes ? start + 1 : start;
            if (first < end)
            {
                output.Add(Synthetic(MmuParser.SKIPPED, input[first].StartIndex, input[end - 1].StopIndex));
            }
        }
        else
        {
            for (int k = start; k < end; k++)
            {
                output.Add(input[k]);
            }
        }

        if (opens)
        {
            blockDepth++;
            output.Add(input[end]);
            return end + 1;
        }

        return end;
    }

    /// <summary>
    /// The index of the last token of the line that closes the block whose body starts at
    /// <paramref name="from"/> (a line starting with <c>}</c> at depth 0), or of the last token
    /// before EOF when the block is never closed.
    /// </summary>
    private int FindBlockEnd(int from)
    {
        int depth = 1;
        int i = from;
        while (input[i].Type != TokenConstants.EOF)
        {
            if (input[i].Type is MmuParser.NEWLINE or MmuParser.GOLDEN or MmuParser.GOLDEN_UNTERMINATED)
            {
                i++;
                continue;
            }

            int end = i;
            while (!IsLineEnd(input[end].Type))
            {
                end++;
            }

            if (input[i].Type == MmuParser.RBRACE && --depth == 0)
            {
                return end - 1;
            }

            if (input[end].Type == MmuParser.BLOCK_OPEN)
            {
                depth++;
                end++;
            }

            i = end;
        }

        return i - 1;
    }

    /// <summary>The first reason to reject the line input[start..end), or null.</summary>
    private (IToken Token, string Message)? CheckLine(int start, int end)
    {
        // Nesting: every bracket, every unary operator until its operand ends, and every `trace`
        // (a statement inside a statement) adds a level of recursion to the parser.
        var groups = new Stack<int>();
        int depth = 0;
        int pendingUnary = 0;
        int operators = 0;
        for (int k = start; k < end; k++)
        {
            IToken token = input[k];
            if (token.Type == MmuParser.QUOTE && unterminatedStringStarts.Contains(token.StartIndex))
            {
                return (token, "unterminated string: close it with '\"' on the same line");
            }

            switch (token.Type)
            {
                case MmuParser.LPAREN or MmuParser.LBRACE or MmuParser.DOLLAR_LBRACE or MmuParser.LBRACK:
                    groups.Push(pendingUnary);
                    pendingUnary = 0;
                    depth++;
                    break;
                case MmuParser.RPAREN or MmuParser.RBRACE or MmuParser.RBRACK:
                    depth -= pendingUnary;
                    pendingUnary = 0;
                    if (groups.Count > 0)
                    {
                        depth -= 1 + groups.Pop();
                    }

                    break;
                case MmuParser.NOT or MmuParser.MINUS:
                    operators++;
                    pendingUnary++;
                    depth++;
                    break;
                case MmuParser.STAR or MmuParser.SLASH or MmuParser.PERCENT or MmuParser.PLUS or MmuParser.LT or MmuParser.LE
                    or MmuParser.GT or MmuParser.GE or MmuParser.IN or MmuParser.EQ or MmuParser.NE or MmuParser.AND or MmuParser.OR:
                    operators++;
                    depth -= pendingUnary;
                    pendingUnary = 0;
                    break;
                case MmuParser.TRACE:
                    depth++;
                    break;
                default:
                    depth -= pendingUnary;
                    pendingUnary = 0;
                    break;
            }

            if (depth > options.MaxExpressionDepth)
            {
                return (token, $"nested too deeply: more than {options.MaxExpressionDepth} levels of parentheses, braces, brackets, "
                    + "'${', unary operators or 'trace' in one statement");
            }

            if (operators > options.MaxOperatorsPerStatement)
            {
                return (token, $"too many operators in one statement (more than {options.MaxOperatorsPerStatement}): split it with 'let'");
            }
        }

        return null;
    }

    private CommonToken Synthetic(int type, int start, int stop)
    {
        int from = Math.Clamp(start, 0, text.Length);
        int to = Math.Clamp(stop + 1, from, text.Length);
        SourceSpan span = map.Span(from, to);
        return new CommonToken(type, text[from..to])
        {
            StartIndex = start,
            StopIndex = stop,
            Line = span.Line,
            Column = span.Column - 1,
        };
    }

    private void Report(int start, int end, string message) =>
        diagnostics.Add(new Diagnostic(map.Span(start, end), DiagnosticSeverity.Error, message));
}
