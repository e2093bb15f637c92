using Antlr4.Runtime;
using MmuDsl.Dsl.Parsing.Generated;

namespace MmuDsl.Dsl.Syntax.Parsing;

/// <summary>
/// Cuts the lexer's tokens into chunks that each hold whole top-level lines (a statement line
/// with its golden block, or a block statement with every line of its block), so that the front
/// end pre-scans, parses and lowers one chunk at a time and never holds the tokens or the parse
/// tree of a whole large file (20 MB of script is 10 million tokens and as many parse-tree nodes).
/// A chunk ends, once it holds at least the threshold of tokens, after a line break at block depth
/// 0 that no golden block follows; the depth is counted the way <see cref="TokenPreScanner"/>
/// counts it (a line that ends with a block's <c>{</c> opens, a line that starts with <c>}</c>
/// closes). Every chunk ends with an EOF token (the last one with the lexer's own). The parser's
/// error recovery may open a block where the token count does not (<c>for i in 0..2 { ]</c>: the
/// '{' does not end its line, and the lines below are taken as the block); a chunk whose parse
/// ends inside a block is then parsed again together with the next one (ScenarioParser). So
/// parsing the chunks gives exactly the tree and diagnostics of parsing the whole
/// (tests/Dsl.Tests/Hardening/ChunkedParseTests.cs compares them on the fuzzer's inputs).
/// </summary>
internal sealed class TokenChunks(ITokenSource lexer, int threshold)
{
    private IToken? _pending;
    private bool _done;

    /// <summary>True once the chunk that ends the file has been handed out.</summary>
    public bool Finished => _done;

    /// <summary>The next chunk, or null after the last.</summary>
    public List<IToken>? Next()
    {
        if (_done)
        {
            return null;
        }

        var chunk = new List<IToken>(Math.Min(threshold, 1 << 16) + 16);
        int depth = 0;
        bool lineStart = true;
        while (true)
        {
            IToken token = _pending ?? lexer.NextToken();
            _pending = null;
            chunk.Add(token);
            switch (token.Type)
            {
                case TokenConstants.EOF:
                    _done = true;
                    return chunk;
                case MmuParser.GOLDEN_UNTERMINATED:
                    // The pre-scan takes everything after it as the block's content: stop lexing.
                    chunk.Add(Eof(token));
                    _done = true;
                    return chunk;
                case MmuParser.RBRACE when lineStart:
                    depth = Math.Max(0, depth - 1);
                    break;
                case MmuParser.BLOCK_OPEN:
                    depth++;
                    break;
            }

            lineStart = token.Type is MmuParser.NEWLINE or MmuParser.BLOCK_OPEN or MmuParser.GOLDEN;
            if (depth == 0 && chunk.Count >= threshold && token.Type is MmuParser.NEWLINE or MmuParser.GOLDEN)
            {
                IToken next = lexer.NextToken();
                if (next.Type is MmuParser.GOLDEN or MmuParser.GOLDEN_UNTERMINATED && token.Type == MmuParser.NEWLINE)
                {
                    // The block belongs to the statement on the line before it.
                    _pending = next;
                    continue;
                }

                _pending = next;
                chunk.Add(Eof(next));
                return chunk;
            }
        }
    }

    // An end of input where the next chunk starts (never reported: a chunk ends after a whole line).
    private static CommonToken Eof(IToken at) => new(TokenConstants.EOF, "<EOF>")
    {
        StartIndex = at.StartIndex,
        StopIndex = at.StartIndex - 1,
        Line = at.Line,
        Column = at.Column,
    };
}
