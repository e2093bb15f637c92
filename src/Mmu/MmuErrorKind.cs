namespace MmuDsl.Mmu;

/// <summary>The ways a caller can misuse the engine; each raises <see cref="MmuException"/>.</summary>
public enum MmuErrorKind
{
    /// <summary>A page that this engine does not hold.</summary>
    UnknownPage,

    /// <summary>A page name used twice.</summary>
    DuplicateName,

    /// <summary>Two pages with one gfn and one level.</summary>
    DuplicateGfn,

    /// <summary>A level outside what the operation allows.</summary>
    BadLevel,

    /// <summary>A child whose level is not its parent's minus one, or a map at the wrong level.</summary>
    LevelMismatch,

    /// <summary>An spte index outside 0..511.</summary>
    IndexOutOfRange,

    /// <summary>Linking or mapping into a present spte.</summary>
    SlotOccupied,

    /// <summary>Unlinking a not-present spte.</summary>
    SlotEmpty,

    /// <summary>Acting on a page that was zapped.</summary>
    PageZapped,

    /// <summary>A setting or argument out of range (batch capacity, interrupt-after, gfn).</summary>
    BadArgument,

    /// <summary>The algorithm's own code failed or was stopped by a budget (<see cref="AlgorithmFailedException"/>).</summary>
    AlgorithmFailed,
}
