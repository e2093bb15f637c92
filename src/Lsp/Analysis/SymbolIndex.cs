using MmuDsl.Dsl.Syntax;

namespace MmuDsl.Lsp.Analysis;

/// <summary>
/// Every name of a document and of the files it includes, each resolved to what it names: pages
/// and procedures by name; variables by scope (a loop variable or parameter in its block, then
/// the nearest <c>let</c> of the enclosing blocks, a procedure seeing only its parameters and
/// the globals, docs/language.md#scripting); includes by the file's full path. Page names built at
/// run time (<c>L$i</c>) are not here: the run's record resolves them.
/// </summary>
internal sealed class SymbolIndex
{
    private readonly List<SymbolOccurrence> _occurrences = [];

    private SymbolIndex()
    {
    }

    public IReadOnlyList<SymbolOccurrence> Occurrences => _occurrences;

    public static SymbolIndex Build(ScenarioFile main, IReadOnlyList<IncludedFile> includes)
    {
        var index = new SymbolIndex();
        var globals = new Frame(null, isProcedure: false);
        var files = new List<ScenarioFile> { main };
        files.AddRange(includes.Select(i => i.Parsed.File));
        foreach (var file in files)
        {
            foreach (var let in file.Statements.OfType<LetStatement>())
            {
                globals.Bindings.TryAdd(let.Name.Name, Binding(let.Name));
            }
        }

        foreach (var file in files)
        {
            index.WalkBlock(file.Statements, globals);
        }

        return index;
    }

    /// <summary>The occurrence at <paramref name="offset"/> of the file <paramref name="path"/> (at its end counts), or null.</summary>
    public SymbolOccurrence? At(string path, int offset) =>
        _occurrences
            .Where(o => o.Span.Path == path && o.Span.Start <= offset && offset <= o.Span.End)
            .OrderBy(o => o.Span.End == offset ? 1 : 0)
            .ThenBy(o => o.Span.Length)
            .FirstOrDefault();

    /// <summary>Every occurrence naming the same thing as <paramref name="occurrence"/>, in source order per file.</summary>
    public IEnumerable<SymbolOccurrence> Same(SymbolOccurrence occurrence) =>
        _occurrences.Where(o => o.Category == occurrence.Category && o.Key == occurrence.Key);

    /// <summary>The declarations of a page or procedure named <paramref name="name"/>.</summary>
    public IEnumerable<SymbolOccurrence> Declarations(SymbolCategory category, string name) =>
        _occurrences.Where(o => o.Category == category && o.Key == name && o.IsDeclaration);

    /// <summary>Names of the pages declared with a literal name, procedures, and global variables, for completion.</summary>
    public IEnumerable<string> DeclaredNames(SymbolCategory category) =>
        _occurrences.Where(o => o.Category == category && o.IsDeclaration).Select(o => o.Name).Distinct(StringComparer.Ordinal);

    private static string Binding(Identifier name) => $"{name.Span.Path}:{name.Span.Start}:{name.Name}";

    private void WalkBlock(IEnumerable<Statement> statements, Frame frame)
    {
        foreach (var statement in statements)
        {
            WalkStatement(statement, frame);
        }
    }

    private void WalkStatement(Statement statement, Frame frame)
    {
        switch (statement)
        {
            case RootStatement s:
                PageDeclaration(s.Name, frame);
                WalkNodes(frame, s.Level, s.Gfn);
                return;
            case PageStatement s:
                PageDeclaration(s.Name, frame);
                WalkNodes(frame, s.Level, s.Gfn);
                return;
            case LetStatement s:
                {
                    WalkNodes(frame, s.Value);
                    string? key = frame.Resolve(s.Name.Name);
                    if (key == null)
                    {
                        key = Binding(s.Name);
                        frame.Bindings[s.Name.Name] = key;
                    }

                    Add(SymbolCategory.Variable, s.Name.Name, key, s.Name.Span, key == Binding(s.Name));
                    return;
                }

            case ForStatement s:
                {
                    WalkNodes(frame, s.From, s.To);
                    var body = new Frame(frame, isProcedure: false);
                    string key = Binding(s.Variable);
                    body.Bindings[s.Variable.Name] = key;
                    Add(SymbolCategory.Variable, s.Variable.Name, key, s.Variable.Span, true);
                    WalkBlock(s.Body.Statements, body);
                    return;
                }

            case ProcStatement s:
                {
                    Add(SymbolCategory.Procedure, s.Name.Name, s.Name.Name, s.Name.Span, true);
                    var body = new Frame(frame.Globals, isProcedure: true);
                    foreach (var parameter in s.Parameters)
                    {
                        string key = Binding(parameter);
                        body.Bindings[parameter.Name] = key;
                        Add(SymbolCategory.Variable, parameter.Name, key, parameter.Span, true);
                    }

                    WalkBlock(s.Body.Statements, body);
                    return;
                }

            case CallStatement s:
                Add(SymbolCategory.Procedure, s.Name.Name, s.Name.Name, s.Name.Span, false);
                WalkNodes(frame, [.. s.Arguments]);
                return;
            case IncludeStatement s:
                if (IncludeResolver.Resolve(s) is { } full)
                {
                    Add(SymbolCategory.Include, s.Path.LiteralText ?? full, full, s.Path.Span, false);
                }

                return;
            case TraceStatement s:
                WalkStatement(s.Inner, frame);
                return;
            default:
                WalkNodes(frame, [.. SyntaxNodes.ChildrenOf(statement)]);
                return;
        }
    }

    private void PageDeclaration(PageName name, Frame frame)
    {
        if (name.LiteralText is { } literal)
        {
            Add(SymbolCategory.Page, literal, literal, name.Span, true);
        }
        else
        {
            WalkNodes(frame, name);
        }
    }

    private void WalkNodes(Frame frame, params object?[] nodes)
    {
        foreach (var root in nodes)
        {
            if (root == null)
            {
                continue;
            }

            foreach (var node in SyntaxNodes.DescendantsAndSelf(root))
            {
                switch (node)
                {
                    case PageName name when name.LiteralText is { } literal:
                        Add(SymbolCategory.Page, literal, literal, name.Span, false);
                        break;
                    case VariableExpr v:
                        Add(SymbolCategory.Variable, v.Name, frame.Resolve(v.Name) ?? "?" + v.Name, v.Span, false);
                        break;
                    case NameVariablePart v:
                        Add(SymbolCategory.Variable, v.Name, frame.Resolve(v.Name) ?? "?" + v.Name, v.Span, false);
                        break;
                }
            }
        }
    }

    private void Add(SymbolCategory category, string name, string key, SourceSpan span, bool declaration) =>
        _occurrences.Add(new SymbolOccurrence(category, name, key, span, declaration));

    private sealed class Frame
    {
        public Frame(Frame? parent, bool isProcedure)
        {
            Parent = parent;
            IsProcedure = isProcedure;
        }

        public Frame? Parent { get; }

        public bool IsProcedure { get; }

        public Dictionary<string, string> Bindings { get; } = new(StringComparer.Ordinal);

        public Frame Globals
        {
            get
            {
                var f = this;
                while (f.Parent != null)
                {
                    f = f.Parent;
                }

                return f;
            }
        }

        public string? Resolve(string name)
        {
            for (var f = this; f != null; f = f.Parent)
            {
                if (f.Bindings.TryGetValue(name, out var key))
                {
                    return key;
                }
            }

            return null;
        }
    }
}
