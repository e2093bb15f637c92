using MmuDsl.Dsl.Syntax;
using MmuDsl.Mmu;

namespace MmuDsl.Dsl.Runtime;

/// <summary>
/// Where the caret goes when the engine refuses a statement: on the operand at fault (the child
/// of the wrong level, the slot already or not yet present, the page that is not a leaf), else
/// on the statement.
/// </summary>
internal static class EngineErrorSpan
{
    public static SourceSpan Of(Statement statement, MmuErrorKind kind) => (statement, kind) switch
    {
        (LinkStatement s, MmuErrorKind.LevelMismatch) => s.Child.Span,
        (LinkStatement s, MmuErrorKind.SlotOccupied) => s.Index.Span,
        (MapStatement s, MmuErrorKind.LevelMismatch) => s.Page.Span,
        (MapStatement s, MmuErrorKind.SlotOccupied) => s.Index.Span,
        (UnlinkStatement s, MmuErrorKind.SlotEmpty) => s.Index.Span,
        (UnsyncStatement s, MmuErrorKind.BadLevel) => s.Page.Span,
        (FailSyncStatement s, MmuErrorKind.BadLevel) => s.Page.Span,
        _ => statement.Span,
    };
}
