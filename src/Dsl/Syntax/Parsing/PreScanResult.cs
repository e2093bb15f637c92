using Antlr4.Runtime;

namespace MmuDsl.Dsl.Syntax.Parsing;

/// <summary>
/// The token stream the parser gets after <see cref="TokenPreScanner"/>, and the golden-block
/// tokens that had no closing line (their content runs to the end of the file).
/// </summary>
internal sealed record PreScanResult(IList<IToken> Tokens, IReadOnlySet<IToken> UnterminatedGoldens);
