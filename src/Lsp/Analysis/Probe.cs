using MmuDsl.Mmu;

namespace MmuDsl.Lsp.Analysis;

/// <summary>
/// What the run recorded at one page name or counter of a statement, the last time the statement
/// ran under one algorithm: the name built there and the page's facts (or that no page had that
/// name), or the counters.
/// </summary>
internal struct Probe
{
    public string? Name;
    public bool Found;
    public PageFacts Page;
    public MmuStatsSnapshot Stats;
    public long Executions;
}
