using MmuDsl.Lsp.Analysis;
using MmuDsl.Lsp.Documents;
using MmuDsl.Lsp.Protocol;

namespace MmuDsl.Lsp.Tests.Features;

/// <summary>A document analysed in-process, as the server analyses it; positions found by a marker string.</summary>
internal sealed record Analyzed(SyntaxModel Syntax, RunModel Run)
{
    public const string DefaultPath = "/mmudsl-lsp-tests/doc.mmu";

    public static Analyzed Of(string text, string path = DefaultPath, ServerOptions? options = null, Func<string, string?>? openText = null)
    {
        var document = new OpenDocument(new Uri(path).AbsoluteUri, 1, text);
        options ??= ServerOptions.Default;
        openText ??= _ => null;
        var syntax = Analyzer.Parse(document, options, openText);
        return new Analyzed(syntax, Analyzer.Run(syntax, options, openText, CancellationToken.None));
    }

    public string Text => Syntax.Document.Text;

    /// <summary>The position of the <paramref name="nth"/> occurrence of <paramref name="marker"/>, plus <paramref name="delta"/> characters.</summary>
    public Position At(string marker, int delta = 0, int nth = 1)
    {
        int at = -1;
        for (int i = 0; i < nth; i++)
        {
            at = Text.IndexOf(marker, at + 1, StringComparison.Ordinal);
            Assert.True(at >= 0, $"'{marker}' ({nth}) not in the text");
        }

        return Syntax.Document.Lines.PositionOf(at + delta);
    }

    /// <summary>The text a range covers.</summary>
    public string TextOf(Protocol.Range range) =>
        Text[Syntax.Document.Lines.OffsetOf(range.Start)..Syntax.Document.Lines.OffsetOf(range.End)];
}
