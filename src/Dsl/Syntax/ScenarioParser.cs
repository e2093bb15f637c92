using System.Collections.Immutable;
using Antlr4.Runtime;
using Antlr4.Runtime.Atn;
using Antlr4.Runtime.Misc;
using MmuDsl.Dsl.Parsing.Generated;
using MmuDsl.Dsl.Syntax.Parsing;

namespace MmuDsl.Dsl.Syntax;

/// <summary>
/// The front end's entry point: <c>.mmu</c> text in, syntax tree and diagnostics out. It never
/// throws on any input and never writes to the console; every syntax error of the file is
/// reported, one per bad line.
/// </summary>
public static class ScenarioParser
{
    /// <summary>Parses <paramref name="text"/> with <see cref="ParseOptions.Default"/>.</summary>
    public static ParseResult Parse(string path, string text) => Parse(path, text, ParseOptions.Default);

    /// <summary>
    /// Parses <paramref name="text"/>, the content of the file at <paramref name="path"/> (used in
    /// spans and diagnostics only; nothing is read from disk).
    /// </summary>
    public static ParseResult Parse(string path, string text, ParseOptions options)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);

        var map = new LineMap(path, text);
        var diagnostics = new List<Diagnostic>();

        // The input stream indexes UTF-16 code units, so token offsets are string offsets. The
        // tokens are pre-scanned, parsed and lowered a chunk of whole top-level lines at a time
        // (TokenChunks), so neither all the tokens nor the whole parse tree are ever held.
        var lexer = new ScenarioLexer(new AntlrInputStream(text));
        var chunks = new TokenChunks(lexer, options.TokensPerChunk);
        var unterminatedStrings = new HashSet<int>();
        var parser = new StackGuardedParser(new CommonTokenStream(new ListTokenSource([])));
        parser.RemoveErrorListeners();
        var errors = new ScenarioErrorStrategy(map, diagnostics);
        parser.ErrorHandler = errors;
        var statements = ImmutableArray.CreateBuilder<Statement>();
        var names = new NamePool();
        int unterminatedSeen = 0;
        try
        {
            for (var chunk = chunks.Next(); chunk != null; chunk = chunks.Next())
            {
                int retries = 0;
                while (true)
                {
                    for (; unterminatedSeen < lexer.UnterminatedStrings.Count; unterminatedSeen++)
                    {
                        unterminatedStrings.Add(lexer.UnterminatedStrings[unterminatedSeen].StartIndex);
                    }

                    int mark = diagnostics.Count;
                    PreScanResult scan = TokenPreScanner.Scan(chunk, unterminatedStrings, text, options, map, diagnostics);
                    var tokenStream = new CommonTokenStream(new ListTokenSource(scan.Tokens));
                    parser.TokenStream = tokenStream;
                    errors.EndedInsideBlock = false;
                    MmuParser.FileContext tree = ParseInTwoStages(parser, tokenStream, errors);
                    if (errors.EndedInsideBlock && !chunks.Finished)
                    {
                        // The error recovery opened a block the chunk does not close: again, with the
                        // chunks after it, doubling it thrice, then with the whole rest of the file (a
                        // block that never closes costs a few small parses and one of the rest, as
                        // the whole file's parse would, not one per chunk).
                        diagnostics.RemoveRange(mark, diagnostics.Count - mark);
                        errors.BrokenLines.Clear();
                        int target = ++retries > 3 ? int.MaxValue : chunk.Count * 2;
                        while (chunk.Count < target && !chunks.Finished)
                        {
                            chunk.RemoveAt(chunk.Count - 1);
                            chunk.AddRange(chunks.Next()!);
                        }

                        continue;
                    }

                    var lowering = new SyntaxLowering(text, map, diagnostics, errors.BrokenLines, scan.UnterminatedGoldens, names);
                    statements.AddRange(lowering.LowerFile(tree));
                    errors.BrokenLines.Clear();
                    break;
                }
            }
        }
        catch (InsufficientExecutionStackException)
        {
            // Only on a thread with a small stack, or with limits raised beyond what it holds.
            diagnostics.Add(new Diagnostic(
                map.Span(0, 0), DiagnosticSeverity.Error, "the file is nested too deeply to be parsed on this thread's stack"));
            statements.Clear();
        }

        return new ParseResult(
            new ScenarioFile(path, text, statements.ToImmutable()),
            [.. diagnostics.OrderBy(d => d.Span.Start)]);
    }

    /// <summary>
    /// ANTLR's two-stage parse: first with SLL prediction and no recovery, which decides most
    /// input several times faster than full LL (a 10,000-line file: 8 ms against 38 ms, the
    /// editor's diagnostics wait for it); a file it cannot parse (a syntax error, or input only LL
    /// decides, or a stage that ran short of stack) is parsed again from its start with full LL
    /// and the error strategy, exactly as before. A file SLL parses gets the tree LL would give.
    /// </summary>
    private static MmuParser.FileContext ParseInTwoStages(StackGuardedParser parser, CommonTokenStream tokens, ScenarioErrorStrategy errors)
    {
        parser.Interpreter.PredictionMode = PredictionMode.SLL;
        parser.ErrorHandler = new BailErrorStrategy();
        try
        {
            return parser.file();
        }
        catch (Exception e) when (e is ParseCanceledException or InsufficientExecutionStackException)
        {
            // An exception thrown deep in a nesting unwinds through every rule's frame; on a small
            // stack that can run out where the error strategy's own recovery (which avoids
            // unwinding with the stack low) does not: parse again with it, as for a syntax error.
        }

        // Outside the catch block: a catch handler runs on top of the thrower's frames, so the
        // second parse there would start with the first one's stack still in use.
        tokens.Seek(0);
        parser.Reset();
        parser.Interpreter.PredictionMode = PredictionMode.LL;
        parser.ErrorHandler = errors;
        return parser.file();
    }
}
