using System.Reflection;
using MmuDsl.Dsl.Runtime;
using MmuDsl.Dsl.Scenarios;
using MmuDsl.Lsp.Analysis;
using MmuDsl.Mmu;

namespace MmuDsl.Lsp.Tests.Features;

/// <summary>The editor knows every counter a script can read (completion, hover, values), not a subset.</summary>
public sealed class CounterNamesTests
{
    [Fact]
    public void Every_counter_of_the_engine_snapshot_has_a_name_a_doc_and_a_value()
    {
        var snapshot = new MmuStatsSnapshot();
        // FullBatches is the engine's own (the benchmarks read it); a script has no stat.full_batches.
        var properties = typeof(MmuStatsSnapshot).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType == typeof(long) && p.Name != nameof(MmuStatsSnapshot.FullBatches)).ToList();
        Assert.True(properties.Count >= 11, $"only {properties.Count} counters on the snapshot");
        Assert.Equal(properties.Count, FieldNames.Counters.Count);
        foreach (var (name, doc) in FieldNames.Counters)
        {
            Assert.False(string.IsNullOrWhiteSpace(doc), name);
            Assert.NotNull(FieldNames.Counter(snapshot, name));
            var run = ScenarioRunner.RunText("c.mmu", $"expect stat.{name} >= 0\n", RunOptions.Default);
            Assert.True(run.Errors.Count == 0, $"stat.{name}: " + string.Join("\n", run.Errors.Select(e => e.Render())));
        }
    }
}
