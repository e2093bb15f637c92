using System.Text.Json;
using MmuDsl.Cli.Commands;
using MmuDsl.Explore;

namespace MmuDsl.Cli.Reports;

/// <summary>
/// <c>explore --format json</c>: one JSON object (relaxed escaping: statements keep their <c>-></c>) with the bounds, the counts, each finding class
/// (count, what its smallest instance showed, its repro), the work of both algorithms, the
/// sequence with the largest visits ratio, and the verdict (<c>clean</c>).
/// </summary>
internal static class ExploreJsonReport
{
    public static string Render(ExploreReport report, IReadOnlyDictionary<FindingClass, ExploreRepro> repros)
    {
        var o = report.Bounds;
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("first", report.First.Name);
            w.WriteString("second", report.Second.Name);
            w.WriteStartObject("bounds");
            w.WriteNumber("roots", o.MaxRoots);
            w.WriteNumber("pages", o.MaxPages);
            w.WriteNumber("maxLevel", o.MaxLevel);
            Numbers(w, "slots", o.Slots);
            w.WriteNumber("operations", o.MaxOperations);
            Numbers(w, "extraCapacities", o.ExtraCapacities);
            w.WriteString("links", o.RawLink ? "raw" : "fetch");
            w.WriteBoolean("yields", o.Yields);
            w.WriteEndObject();
            w.WriteNumber("shapes", report.Shapes);
            w.WriteNumber("shapesExplored", report.ShapesExplored);
            if (report.Sampled && o.Seed is { } seed)
            {
                w.WriteNumber("seed", seed);
            }

            if (report.Shard is { } shard)
            {
                w.WriteString("shard", shard.ToString());
                w.WriteNumber("shapesInShard", report.ShapesInShard);
                w.WriteNumber("shapesResumed", report.ShapesResumed);
            }

            if (report.MergedShards > 0)
            {
                w.WriteNumber("mergedShards", report.MergedShards);
                w.WriteNumber("longestShardSeconds", Math.Round(report.LongestShard.TotalSeconds, 3));
            }

            w.WriteNumber("states", report.States);
            w.WriteNumber("transitions", report.Transitions);
            w.WriteNumber("transitionsRun", report.Computed);
            w.WriteNumber("seconds", Math.Round(report.Elapsed.TotalSeconds, 3));
            w.WriteNumber("threads", report.Threads);
            w.WriteNumber("statesPerSecond", Math.Round(report.StatesPerSecond));
            w.WriteStartObject("memory");
            w.WriteNumber("bytesPerState", Math.Round(report.BytesPerState, 1));
            w.WriteString("visitedSet", report.ExactStates ? "vectors" : "hashes");
            w.WriteNumber("collisionChance", report.CollisionChance);
            w.WriteNumber("largestSearchBytes", report.LargestSearchBytes);
            w.WriteNumber("largestSearchStates", report.LargestSearchStates);
            w.WriteNumber("bytesPerStateHeld", Math.Round(report.MemoryPerState, 1));
            w.WriteNumber("peakBytes", report.PeakSearchBytes);
            w.WriteNumber("budgetBytes", report.MemoryLimit);
            w.WriteEndObject();
            w.WriteStartObject("findings");
            foreach (var (cls, count) in report.Classes)
            {
                w.WriteStartObject(JsonNamingPolicy.CamelCase.ConvertName(cls.ToString()));
                w.WriteNumber("count", count.Count);
                if (count.Seen is { } seen)
                {
                    w.WriteString("seen", seen);
                }

                if (repros.TryGetValue(cls, out var repro))
                {
                    w.WriteString("repro", repro.Path);
                    w.WriteNumber("statements", repro.Statements);
                    if (repro.Error != null)
                    {
                        w.WriteString("reproError", repro.Error);
                    }

                    if (repro.Report != null)
                    {
                        w.WriteString("report", repro.Report);
                    }

                    if (repro.ReportError != null)
                    {
                        w.WriteString("reportError", repro.ReportError);
                    }
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteNumber("expectedNoProgress", report.ExpectedNoProgress);
            w.WriteStartObject("work");
            Work(w, "first", report.First.Name, report.FirstWork);
            Work(w, "second", report.Second.Name, report.SecondWork);
            w.WriteEndObject();
            if (report.Largest is { } r)
            {
                w.WriteStartObject("largestVisitsRatio");
                w.WriteNumber("ratio", Math.Round(r.Ratio, 4));
                w.WriteNumber("firstVisits", r.FirstVisits);
                w.WriteNumber("secondVisits", r.SecondVisits);
                w.WriteNumber("capacity", r.Capacity);
                w.WriteStartArray("statements");
                foreach (var s in r.Statements)
                {
                    w.WriteStringValue(s);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteBoolean("clean", report.Clean);
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void Numbers(Utf8JsonWriter w, string name, IEnumerable<int> values)
    {
        w.WriteStartArray(name);
        foreach (int v in values)
        {
            w.WriteNumberValue(v);
        }

        w.WriteEndArray();
    }

    private static void Work(Utf8JsonWriter w, string which, string algorithm, (long Walks, long Visits) work)
    {
        w.WriteStartObject(which);
        w.WriteString("algorithm", algorithm);
        w.WriteNumber("walks", work.Walks);
        w.WriteNumber("visits", work.Visits);
        w.WriteEndObject();
    }
}
