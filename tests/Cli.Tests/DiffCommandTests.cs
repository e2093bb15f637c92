namespace MmuDsl.Cli.Tests;

public sealed class DiffCommandTests
{
    [Fact]
    public void Diff_InterruptedSync_ShowsFirstMetadataDifference_AndAgreeingFinalState()
    {
        using var dir = new TempDir();
        string file = dir.Write("d.mmu", "root R level 3\npage Q level 2\npage L level 1\nlink R[0] -> Q\nlink Q[0] -> L\nunsync L\nsync R interrupt-after 1\nsync R\n");
        var run = CliRun.Of("diff", file);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"first metadata difference after {file}:7:1: sync R interrupt-after 1", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("R: unsync_children=0 bitmap={} (legacy) against unsync_children=1 bitmap={0} (recursive)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("semantic state (unsync pages, syncs per page, zapped pages, stat.unsync): never differs", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("final state: the semantic states agree; the metadata agrees", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_NoDifference_SaysNever()
    {
        using var dir = new TempDir();
        string file = dir.Write("d.mmu", "root R level 3\npage Q level 2\nlink R[0] -> Q\n");
        var run = CliRun.Of("diff", file);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("metadata (every page's bitmap and unsync_children): never differs", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_Mutant_ReportsSemanticOrMetadataDifference_Exit1WhenSemantic()
    {
        using var dir = new TempDir();
        string file = dir.Write("m.mmu", "root R1 level 2\nroot R2 level 2\npage L level 1\nlink R1[0] -> L\nlink R2[0] -> L\nunsync L\nsync R2\n");
        var run = CliRun.Of("diff", file, "-a", "legacy", "-a", "mutant_first_parent_marking");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("first semantic difference after", run.Stdout, StringComparison.Ordinal);
    }
}
