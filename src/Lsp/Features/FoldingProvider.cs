using MmuDsl.Dsl.Syntax;
using MmuDsl.Lsp.Analysis;
using MmuDsl.Lsp.Protocol;

namespace MmuDsl.Lsp.Features;

/// <summary>textDocument/foldingRange: each golden block (from its opening <c>----</c> to its closing one) and each block's braces (the <c>}</c> line stays visible).</summary>
internal static class FoldingProvider
{
    public static IReadOnlyList<FoldingRange> Ranges(SyntaxModel syntax)
    {
        var lines = syntax.Document.Lines;
        var ranges = new List<FoldingRange>();
        foreach (var statement in SyntaxNodes.All(syntax.File).OfType<Statement>())
        {
            if (statement.Span.Path != syntax.Document.Path)
            {
                continue;
            }

            if (statement.Golden is { } golden)
            {
                int first = lines.LineOf(golden.Opening.Start);
                int last = lines.LineOf(Math.Max(golden.Span.Start, golden.Span.End - 1));
                if (last > first)
                {
                    ranges.Add(new FoldingRange(first, last, "region"));
                }
            }

            var block = statement switch
            {
                ForStatement f => f.Body,
                ProcStatement p => p.Body,
                _ => null,
            };
            if (block != null)
            {
                int first = lines.LineOf(block.Span.Start);
                int closing = lines.LineOf(Math.Max(block.Span.Start, block.Span.End - 1));
                if (closing - 1 > first)
                {
                    ranges.Add(new FoldingRange(first, closing - 1));
                }
            }
        }

        return ranges;
    }
}
