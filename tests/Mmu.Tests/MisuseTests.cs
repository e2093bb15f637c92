using System.Globalization;
using static MmuDsl.Mmu.Tests.TestTables;

namespace MmuDsl.Mmu.Tests;

/// <summary>
/// Every misuse throws <see cref="MmuException"/> with its <see cref="MmuErrorKind"/>, names the
/// page it is about, and changes nothing: the whole state (pages, sptes, metadata, counters,
/// warnings, batch capacity) is the same before and after.
/// </summary>
public sealed class MisuseTests
{
    /// <summary>A case: the kind expected, the page name the message must quote (null: none), the misuse.</summary>
    private sealed record Case(MmuErrorKind Kind, string? Names, Action<Table> Act);

    /// <summary>
    /// R (L4, gfn 0x100) [0]-> P3 [1]-> P2 [2]-> L (gfn 0x10, unsync, leaf at 0), P2 [3] large;
    /// Z (L1) was linked at P2[4] and zapped; Q (L2) was zapped; X is a page of another engine.
    /// </summary>
    private sealed class Table
    {
        public Table(string algorithm)
        {
            Mmu = New(algorithm);
            R = Mmu.CreateRoot("R", 4, 0x100);
            P3 = Mmu.CreatePage("P3", 3);
            P2 = Mmu.CreatePage("P2", 2);
            L = Mmu.CreatePage("L", 1, 0x10);
            Z = Mmu.CreatePage("Z", 1);
            Q = Mmu.CreatePage("Q", 2);
            Mmu.Link(R, 0, P3);
            Mmu.Link(P3, 1, P2);
            Mmu.Link(P2, 2, L);
            Mmu.MapLeaf(L, 0);
            Mmu.MapLarge(P2, 3);
            Mmu.Link(P2, 4, Z);
            Mmu.Unsync(L);
            Mmu.Zap(Z);
            Mmu.Zap(Q);
            Foreign = New(algorithm);
            X = Foreign.CreatePage("X", 1);
            X2 = Foreign.CreatePage("X2", 2);
        }

        public ShadowMmu Mmu { get; }

        public ShadowMmu Foreign { get; }

        public ShadowPage R { get; }

        public ShadowPage P3 { get; }

        public ShadowPage P2 { get; }

        public ShadowPage L { get; }

        public ShadowPage Z { get; }

        public ShadowPage Q { get; }

        public ShadowPage X { get; }

        public ShadowPage X2 { get; }
    }

    private static readonly Dictionary<string, Case> Cases = new()
    {
        // UnknownPage
        ["unknown: unsync a foreign page"] = new(MmuErrorKind.UnknownPage, "X", t => t.Mmu.Unsync(t.X)),
        ["unknown: fail-sync a foreign page"] = new(MmuErrorKind.UnknownPage, "X", t => t.Mmu.FailNextSync(t.X)),
        ["unknown: link a foreign child"] = new(MmuErrorKind.UnknownPage, "X", t => t.Mmu.Link(t.P2, 9, t.X)),
        ["unknown: link into a foreign parent"] = new(MmuErrorKind.UnknownPage, "X2", t => t.Mmu.Link(t.X2, 9, t.L)),
        ["unknown: map into a foreign page"] = new(MmuErrorKind.UnknownPage, "X", t => t.Mmu.MapLeaf(t.X, 9)),
        ["unknown: map large into a foreign page"] = new(MmuErrorKind.UnknownPage, "X2", t => t.Mmu.MapLarge(t.X2, 9)),
        ["unknown: unlink from a foreign page"] = new(MmuErrorKind.UnknownPage, "X2", t => t.Mmu.Unlink(t.X2, 0)),
        ["unknown: sync a foreign page"] = new(MmuErrorKind.UnknownPage, "X2", t => t.Mmu.SyncChildren(t.X2)),
        ["unknown: zap a foreign page"] = new(MmuErrorKind.UnknownPage, "X", t => t.Mmu.Zap(t.X)),
        ["unknown: zap-unsync-children of a foreign page"] = new(MmuErrorKind.UnknownPage, "X2", t => t.Mmu.ZapUnsyncChildren(t.X2)),
        ["unknown: a name never made"] = new(MmuErrorKind.UnknownPage, "nope", t => t.Mmu.Page("nope")),

        // DuplicateName
        ["duplicate name: page"] = new(MmuErrorKind.DuplicateName, "L", t => t.Mmu.CreatePage("L", 1)),
        ["duplicate name: root over a page"] = new(MmuErrorKind.DuplicateName, "P2", t => t.Mmu.CreateRoot("P2", 4)),
        ["duplicate name: a zapped page's name"] = new(MmuErrorKind.DuplicateName, "Z", t => t.Mmu.CreatePage("Z", 1)),

        // DuplicateGfn (the message quotes the page that holds the gfn at that level)
        ["duplicate gfn: same level"] = new(MmuErrorKind.DuplicateGfn, "L", t => t.Mmu.CreatePage("L2", 1, 0x10)),
        ["duplicate gfn: root at the same level"] = new(MmuErrorKind.DuplicateGfn, "R", t => t.Mmu.CreateRoot("R2", 4, 0x100)),

        // BadLevel
        ["bad level: root at 1"] = new(MmuErrorKind.BadLevel, "N", t => t.Mmu.CreateRoot("N", 1)),
        ["bad level: root at 6"] = new(MmuErrorKind.BadLevel, "N", t => t.Mmu.CreateRoot("N", 6)),
        ["bad level: page at 0"] = new(MmuErrorKind.BadLevel, "N", t => t.Mmu.CreatePage("N", 0)),
        ["bad level: page at 6"] = new(MmuErrorKind.BadLevel, "N", t => t.Mmu.CreatePage("N", 6)),
        ["bad level: page at -1"] = new(MmuErrorKind.BadLevel, "N", t => t.Mmu.CreatePage("N", -1)),
        ["bad level: unsync at level 2"] = new(MmuErrorKind.BadLevel, "P2", t => t.Mmu.Unsync(t.P2)),
        ["bad level: unsync a root"] = new(MmuErrorKind.BadLevel, "R", t => t.Mmu.Unsync(t.R)),
        ["bad level: fail-sync at level 3"] = new(MmuErrorKind.BadLevel, "P3", t => t.Mmu.FailNextSync(t.P3)),

        // LevelMismatch
        ["level mismatch: link two levels down"] = new(MmuErrorKind.LevelMismatch, "L", t => t.Mmu.Link(t.R, 9, t.L)),
        ["level mismatch: link at the same level"] = new(MmuErrorKind.LevelMismatch, "P2", t => t.Mmu.Link(t.P2, 9, t.Mmu.CreatePageOnce("S2", 2))),
        ["level mismatch: link upward"] = new(MmuErrorKind.LevelMismatch, "P3", t => t.Mmu.Link(t.P2, 9, t.P3)),
        ["level mismatch: 4 KiB leaf at level 2"] = new(MmuErrorKind.LevelMismatch, "P2", t => t.Mmu.MapLeaf(t.P2, 9)),
        ["level mismatch: large leaf at level 1"] = new(MmuErrorKind.LevelMismatch, "L", t => t.Mmu.MapLarge(t.L, 9)),
        ["level mismatch: large leaf at level 4"] = new(MmuErrorKind.LevelMismatch, "R", t => t.Mmu.MapLarge(t.R, 9)),

        // IndexOutOfRange
        ["index: link at -1"] = new(MmuErrorKind.IndexOutOfRange, "P3", t => t.Mmu.Link(t.P3, -1, t.Mmu.CreatePageOnce("S2", 2))),
        ["index: link at 512"] = new(MmuErrorKind.IndexOutOfRange, "P3", t => t.Mmu.Link(t.P3, 512, t.Mmu.CreatePageOnce("S2", 2))),
        ["index: leaf at -1"] = new(MmuErrorKind.IndexOutOfRange, "L", t => t.Mmu.MapLeaf(t.L, -1)),
        ["index: leaf at 512"] = new(MmuErrorKind.IndexOutOfRange, "L", t => t.Mmu.MapLeaf(t.L, 512)),
        ["index: large at 512"] = new(MmuErrorKind.IndexOutOfRange, "P2", t => t.Mmu.MapLarge(t.P2, 512)),
        ["index: unlink at -1"] = new(MmuErrorKind.IndexOutOfRange, "P2", t => t.Mmu.Unlink(t.P2, -1)),
        ["index: unlink at 512"] = new(MmuErrorKind.IndexOutOfRange, "P2", t => t.Mmu.Unlink(t.P2, 512)),

        // SlotOccupied
        ["occupied: link over a link"] = new(MmuErrorKind.SlotOccupied, "P2", t => t.Mmu.Link(t.P2, 2, t.Mmu.CreatePageOnce("S1", 1))),
        ["occupied: link over a large leaf"] = new(MmuErrorKind.SlotOccupied, "P2", t => t.Mmu.Link(t.P2, 3, t.Mmu.CreatePageOnce("S1", 1))),
        ["occupied: leaf over a leaf"] = new(MmuErrorKind.SlotOccupied, "L", t => t.Mmu.MapLeaf(t.L, 0)),
        ["occupied: large over a link"] = new(MmuErrorKind.SlotOccupied, "P2", t => t.Mmu.MapLarge(t.P2, 2)),
        ["occupied: the same link again"] = new(MmuErrorKind.SlotOccupied, "R", t => t.Mmu.Link(t.R, 0, t.P3)),

        // SlotEmpty
        ["empty: unlink a never-used slot"] = new(MmuErrorKind.SlotEmpty, "P2", t => t.Mmu.Unlink(t.P2, 9)),
        ["empty: unlink a slot a zap cleared"] = new(MmuErrorKind.SlotEmpty, "P2", t => t.Mmu.Unlink(t.P2, 4)),

        // PageZapped
        ["zapped: unsync"] = new(MmuErrorKind.PageZapped, "Z", t => t.Mmu.Unsync(t.Z)),
        ["zapped: fail-sync"] = new(MmuErrorKind.PageZapped, "Z", t => t.Mmu.FailNextSync(t.Z)),
        ["zapped: zap again"] = new(MmuErrorKind.PageZapped, "Z", t => t.Mmu.Zap(t.Z)),
        ["zapped: link as child"] = new(MmuErrorKind.PageZapped, "Z", t => t.Mmu.Link(t.P2, 9, t.Z)),
        ["zapped: link into"] = new(MmuErrorKind.PageZapped, "Q", t => t.Mmu.Link(t.Q, 9, t.L)),
        ["zapped: map a leaf"] = new(MmuErrorKind.PageZapped, "Z", t => t.Mmu.MapLeaf(t.Z, 9)),
        ["zapped: map a large leaf"] = new(MmuErrorKind.PageZapped, "Q", t => t.Mmu.MapLarge(t.Q, 9)),
        ["zapped: unlink"] = new(MmuErrorKind.PageZapped, "Q", t => t.Mmu.Unlink(t.Q, 0)),
        ["zapped: sync"] = new(MmuErrorKind.PageZapped, "Q", t => t.Mmu.SyncChildren(t.Q)),
        ["zapped: zap-unsync-children"] = new(MmuErrorKind.PageZapped, "Q", t => t.Mmu.ZapUnsyncChildren(t.Q)),

        // BadArgument. The interrupt-after message does not quote the page synced (see the
        // report of these tests); it names the argument and its value.
        ["bad argument: interrupt-after 0"] = new(MmuErrorKind.BadArgument, null, t => t.Mmu.SyncChildren(t.R, 0)),
        ["bad argument: interrupt-after -1"] = new(MmuErrorKind.BadArgument, null, t => t.Mmu.SyncChildren(t.R, -1)),
        ["bad argument: batch capacity -1"] = new(MmuErrorKind.BadArgument, null, t => t.Mmu.BatchCapacity = -1),
        ["bad argument: batch capacity 0"] = new(MmuErrorKind.BadArgument, null, t => t.Mmu.BatchCapacity = 0),
        ["bad argument: batch capacity 4097"] = new(MmuErrorKind.BadArgument, null, t => t.Mmu.BatchCapacity = 4097),
        ["bad argument: negative gfn"] = new(MmuErrorKind.BadArgument, "N", t => t.Mmu.CreatePage("N", 1, -1)),
    };

    public static IEnumerable<object[]> CaseNames() =>
        from name in Cases.Keys
        from algorithm in new[] { "legacy", "recursive" }
        select new object[] { name, algorithm };

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Misuse_Throws_WithItsKind_NamingThePage_StateUnchanged(string name, string algorithm)
    {
        var c = Cases[name];
        var t = new Table(algorithm);

        // Pages a case needs as its second operand are made before the snapshot.
        t.Mmu.CreatePageOnce("S1", 1);
        t.Mmu.CreatePageOnce("S2", 2);
        var before = MmuSnapshot.Capture(t.Mmu);
        var foreignBefore = MmuSnapshot.Capture(t.Foreign);
        int capacity = t.Mmu.BatchCapacity;
        int warnings = t.Mmu.Warnings.Count;

        var ex = Assert.Throws<MmuException>(() => c.Act(t));

        Assert.Equal(c.Kind, ex.Kind);
        if (c.Names != null)
        {
            // Quoted alone ('P2') or as a slot ('P2[9]').
            Assert.Matches($"'{System.Text.RegularExpressions.Regex.Escape(c.Names)}(\\[-?\\d+\\])?'", ex.Message);
        }

        StateAssert.Same(before, MmuSnapshot.Capture(t.Mmu));
        StateAssert.Same(foreignBefore, MmuSnapshot.Capture(t.Foreign));
        Assert.Equal(capacity, t.Mmu.BatchCapacity);
        Assert.Equal(warnings, t.Mmu.Warnings.Count);
        Assert.Empty(Invariants.InvariantChecker.Check(t.Mmu));
    }

    [Fact]
    public void MisuseCases_CoverEveryErrorKind()
    {
        // AlgorithmFailed is not a misuse by the caller but a failure of the algorithm's own code:
        // AlgorithmContainmentTests covers it.
        Assert.Equal(
            Enum.GetValues<MmuErrorKind>().Where(k => k != MmuErrorKind.AlgorithmFailed).Order(),
            Cases.Values.Select(c => c.Kind).Distinct().Order());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void SyncChildren_BadInterruptAfter_MessageGivesTheValue(int interruptAfter)
    {
        var t = new Table("legacy");
        long walks = t.Mmu.Stats.Walks;
        var ex = Assert.Throws<MmuException>(() => t.Mmu.SyncChildren(t.R, interruptAfter));
        Assert.Contains("interrupt-after", ex.Message, StringComparison.Ordinal);
        Assert.Contains(interruptAfter.ToString(CultureInfo.InvariantCulture), ex.Message, StringComparison.Ordinal);
        Assert.True(t.L.Unsync);
        Assert.Equal(walks, t.Mmu.Stats.Walks);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4097)]
    public void BatchCapacity_OutOfRange_MessageGivesTheValue_CapacityKept(int capacity)
    {
        var t = new Table("legacy");
        t.Mmu.BatchCapacity = 5;
        var ex = Assert.Throws<MmuException>(() => t.Mmu.BatchCapacity = capacity);
        Assert.Contains(capacity.ToString(CultureInfo.InvariantCulture), ex.Message, StringComparison.Ordinal);
        Assert.Equal(5, t.Mmu.BatchCapacity);
    }

    [Fact]
    public void CreatePage_SameGfnAtAnotherLevel_Allowed()
    {
        var t = new Table("legacy");
        var page = t.Mmu.CreatePage("L2", 2, 0x10);
        Assert.Equal(0x10, page.Gfn);
        Assert.Equal(0x10, t.L.Gfn);
    }

    [Fact]
    public void CreatePage_ZappedPageKeepsItsGfn_SameGfnSameLevelRefused()
    {
        var mmu = New("legacy");
        var a = mmu.CreatePage("A", 1, 7);
        mmu.Zap(a);
        var ex = Assert.Throws<MmuException>(() => mmu.CreatePage("B", 1, 7));
        Assert.Equal(MmuErrorKind.DuplicateGfn, ex.Kind);
    }

    [Fact]
    public void ZappedPage_FieldsStillReadable()
    {
        var t = new Table("legacy");
        Assert.True(t.Z.Zapped);
        Assert.Equal("Z", t.Z.Name);
        Assert.Equal(1, t.Z.Level);
        Assert.Equal(0, t.Z.ParentCount);
        Assert.Equal(SpteKind.None, t.Z.SpteAt(0).Kind);
        Assert.Same(t.Z, t.Mmu.Page("Z"));
    }
}

/// <summary>Makes a page unless one of that name exists (for misuse cases that need an operand).</summary>
internal static class MisuseTableExtensions
{
    public static ShadowPage CreatePageOnce(this ShadowMmu mmu, string name, int level) =>
        mmu.FindPage(name) ?? mmu.CreatePage(name, level);
}
