namespace MmuDsl.Dsl.Syntax;

/// <summary><c>page P level 3</c>, optionally <c>gfn 0x1234</c> and <c>role N</c>: a shadow page linked nowhere yet.</summary>
public sealed record PageStatement(PageName Name, Expr Level, Expr? Gfn, SourceSpan Span) : Statement(Span)
{
    /// <summary>The <c>role N</c> (the rest of <c>sp->role</c>: one gfn, several level-1 pages), or null for role 0.</summary>
    public Expr? Role { get; init; }
}
