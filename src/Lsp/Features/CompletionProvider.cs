using System.Text.RegularExpressions;
using MmuDsl.Lsp.Analysis;
using MmuDsl.Lsp.Protocol;
using MmuDsl.Mmu.Algorithms;

namespace MmuDsl.Lsp.Features;

/// <summary>
/// textDocument/completion, from the text of the line before the cursor (a line being typed
/// rarely parses): statement words at a line's start; algorithm names after <c>@</c> and in
/// <c>algorithms</c> (read from the engine's registry); fields after <c>PAGE.</c>, counters after
/// <c>stat.</c>; settings after <c>set</c>; procedures after <c>call</c>; variables after
/// <c>$</c>; page names (declared, and made by the last run) elsewhere.
/// </summary>
internal static partial class CompletionProvider
{
    private const int MaxPageNames = 2000;

    public static CompletionList Complete(SyntaxModel syntax, RunModel? run, Position position)
    {
        var lines = syntax.Document.Lines;
        int offset = lines.OffsetOf(position);
        string before = syntax.Document.Text[lines.LineStart(position.Line)..offset];
        if (before.Contains('#', StringComparison.Ordinal) && !InString(before))
        {
            return new CompletionList(false, []);
        }

        if (FieldContext().Match(before) is { Success: true } field)
        {
            return field.Groups["owner"].Value == "stat"
                ? List(FieldNames.Counters.Select(c => Item(c.Name, CompletionItemKind.Field, c.Doc)))
                : List(FieldNames.PageFields.Select(f => Item(f.Name, CompletionItemKind.Field, f.Doc)));
        }

        if (QualifierContext().IsMatch(before) || AlgorithmsContext().IsMatch(before))
        {
            return List(Algorithms());
        }

        if (VariableContext().IsMatch(before))
        {
            return List(syntax.Symbols.DeclaredNames(SymbolCategory.Variable).Select(n => Item(n, CompletionItemKind.Variable, "variable")));
        }

        if (SetContext().IsMatch(before))
        {
            return List(FieldNames.Settings.Select(s => Item(s.Name, CompletionItemKind.Property, s.Doc)));
        }

        if (CallContext().IsMatch(before))
        {
            return List(syntax.Symbols.DeclaredNames(SymbolCategory.Procedure).Select(n => Item(n, CompletionItemKind.Function, "procedure")));
        }

        if (InString(before))
        {
            return new CompletionList(false, []);
        }

        if (StatementStart().IsMatch(before))
        {
            return List(KeywordDocs.Statements.Select((s, i) => Item(s.Word, CompletionItemKind.Keyword, s.Doc, i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture))));
        }

        string[] words = ["stat", "invariants", "true", "false", "in", "level", "gfn", "large", "interrupt-after"];
        return List(PageNames(syntax, run).Concat(words.Select(w => Item(w, CompletionItemKind.Keyword, KeywordDocs.All.GetValueOrDefault(w)))));
    }

    private static IEnumerable<CompletionItem> Algorithms() =>
        WalkAlgorithms.All.Select(a => Item(a.Name, CompletionItemKind.EnumMember, "algorithm"));

    private static IEnumerable<CompletionItem> PageNames(SyntaxModel syntax, RunModel? run)
    {
        var names = new HashSet<string>(syntax.Symbols.DeclaredNames(SymbolCategory.Page), StringComparer.Ordinal);
        foreach (var algorithm in run?.Algorithms ?? [])
        {
            foreach (var made in run!.Steps.PagesMade(algorithm))
            {
                if (names.Count >= MaxPageNames)
                {
                    break;
                }

                names.Add(made);
            }
        }

        return names.Order(StringComparer.Ordinal).Select(n => Item(n, CompletionItemKind.Struct, "page"));
    }

    private static bool InString(string before) => before.Count(c => c == '"') % 2 == 1;

    private static CompletionList List(IEnumerable<CompletionItem> items) => new(false, [.. items]);

    private static CompletionItem Item(string label, CompletionItemKind kind, string? detail, string? sort = null) =>
        new(label, kind, detail, null, sort);

    [GeneratedRegex(@"(?<owner>[A-Za-z_$][A-Za-z0-9_${}]*)\.(?<field>[A-Za-z_]*)\z")]
    private static partial Regex FieldContext();

    [GeneratedRegex(@"\A\s*@[A-Za-z_]*\z")]
    private static partial Regex QualifierContext();

    [GeneratedRegex(@"\A\s*algorithms(\s+[A-Za-z_]+)*\s+[A-Za-z_]*\z")]
    private static partial Regex AlgorithmsContext();

    [GeneratedRegex(@"\$[A-Za-z_]*\z")]
    private static partial Regex VariableContext();

    [GeneratedRegex(@"\A\s*(@[A-Za-z_]+\s+)?set\s+[A-Za-z_]*\z")]
    private static partial Regex SetContext();

    [GeneratedRegex(@"\A\s*(@[A-Za-z_]+\s+)?(trace\s+)?call\s+[A-Za-z_]*\z")]
    private static partial Regex CallContext();

    [GeneratedRegex(@"\A\s*(@[A-Za-z_]+\s+)?(trace\s+)*[A-Za-z-]*\z")]
    private static partial Regex StatementStart();
}
