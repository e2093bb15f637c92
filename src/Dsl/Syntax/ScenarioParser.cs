using System.Collections.Immutable;
using Antlr4.Runtime;
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

        // The input stream indexes UTF-16 code units, so token offsets are string offsets.
        var lexer = new ScenarioLexer(new AntlrInputStream(text));
        var tokens = new List<IToken>();
        IToken token;
        do
        {
            token = lexer.NextToken();
            tokens.Add(token);
        }
        while (token.Type != TokenConstants.EOF);

        PreScanResult scan = TokenPreScanner.Scan(tokens, lexer.UnterminatedStrings, text, options, map, diagnostics);

        var parser = new StackGuardedParser(new CommonTokenStream(new ListTokenSource(scan.Tokens)));
        parser.RemoveErrorListeners();
        var errors = new ScenarioErrorStrategy(map, diagnostics);
        parser.ErrorHandler = errors;
        ImmutableArray<Statement> statements;
        try
        {
            MmuParser.FileContext tree = parser.file();
            var lowering = new SyntaxLowering(text, map, diagnostics, errors.BrokenLines, scan.UnterminatedGoldens);
            statements = lowering.LowerFile(tree);
        }
        catch (InsufficientExecutionStackException)
        {
            // Only on a thread with a small stack, or with limits raised beyond what it holds.
            diagnostics.Add(new Diagnostic(
                map.Span(0, 0), DiagnosticSeverity.Error, "the file is nested too deeply to be parsed on this thread's stack"));
            statements = [];
        }

        return new ParseResult(
            new ScenarioFile(path, text, statements),
            [.. diagnostics.OrderBy(d => d.Span.Start)]);
    }
}
