using System.Text.Json;
using MmuDsl.Html.Recording;
using MmuDsl.Mmu.Events;

namespace MmuDsl.Html.Writing;

/// <summary>One algorithm's record of a step: counters, output, failures, bits, the stages of its loops.</summary>
internal static partial class ReportJson
{
    // Hot: compiled optimized at once (no tier-0 code and instrumentation, a cost a one-shot run of a large scenario pays in full).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void WriteRecord(Utf8JsonWriter w, RecordedStatement r, IReadOnlyList<int> gids, ref Mmu.MmuStatsSnapshot counters, RecordedStatement? first)
    {
        var stats = r.Stats;
        bool same = stats.Walks == counters.Walks && stats.Visits == counters.Visits && stats.Unsync == counters.Unsync;
        if (same && r.Output.Count == 0 && r.Failures.Count == 0 && r.Warnings.Count == 0 && r.Outcomes.Count == 0
            && r.Marked.Count == 0 && r.Cleared.Count == 0 && r.SubSteps.Count == 0 && r.DroppedSubSteps == 0)
        {
            w.WriteNumberValue(1);
            return;
        }

        // Counters only where they changed (the page carries them forward); output that the first
        // algorithm printed the same is 1.
        w.WriteStartObject();
        if (!same)
        {
            w.WriteNumber("w", stats.Walks);
            w.WriteNumber("v", stats.Visits);
            w.WriteNumber("u", stats.Unsync);
            counters = stats;
        }

        if (r.Output.Count > 0)
        {
            string text = string.Concat(r.Output);
            if (first != null && first.Output.Count > 0 && string.Concat(first.Output) == text)
            {
                w.WriteNumber("out", 1);
            }
            else
            {
                w.WriteString("out", text);
            }
        }

        if (r.Failures.Count > 0)
        {
            Strings(w, "fail", r.Failures.Select(f => f.Headline + "\n" + f.Details).ToList());
        }

        if (r.Warnings.Count > 0)
        {
            Strings(w, "warn", r.Warnings.Select(x => $"{x.Name}: {x.Message}").ToList());
        }

        if (r.Outcomes.Count > 0)
        {
            Strings(w, "res", r.Outcomes);
        }

        if (r.Marked.Count > 0)
        {
            Bits(w, "mk", r.Marked, gids);
        }

        if (r.Cleared.Count > 0)
        {
            Bits(w, "cl", r.Cleared, gids);
        }

        if (r.DroppedSubSteps > 0)
        {
            w.WriteNumber("drop", r.DroppedSubSteps);
        }

        if (r.SubSteps.Count > 0)
        {
            w.WriteStartArray("subs");
            foreach (var s in r.SubSteps)
            {
                w.WriteStartObject();
                w.WriteNumber("k", (int)s.Kind);
                w.WriteString("t", s.Text);
                w.WriteNumber("fo", s.Focus < 0 ? -1 : gids[s.Focus]);
                if (s.Visits.Count > 0)
                {
                    Entries(w, "vis", s.Visits, gids);
                    w.WriteNumber("nv", s.VisitCount);
                }

                if (s.Batch.Count > 0)
                {
                    Entries(w, "pv", s.Batch, gids);
                }

                if (s.Cleared.Count > 0)
                {
                    Bits(w, "cl", s.Cleared, gids);
                }

                if (s.Notes.Count > 0)
                {
                    Strings(w, "notes", s.Notes);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static void Entries(Utf8JsonWriter w, string name, List<PageEntry> entries, IReadOnlyList<int> gids)
    {
        w.WriteStartArray(name);
        foreach (var e in entries)
        {
            w.WriteNumberValue(gids[e.Page]);
            w.WriteNumberValue(e.Index);
        }

        w.WriteEndArray();
    }

    private static void Bits(Utf8JsonWriter w, string name, IReadOnlyList<BitChange> bits, IReadOnlyList<int> gids)
    {
        w.WriteStartArray(name);
        foreach (var b in bits)
        {
            w.WriteNumberValue(gids[b.Page]);
            w.WriteNumberValue(b.Index);
            w.WriteNumberValue(b.By switch { null => -1, BitClearer.Walk => 0, _ => 1 });
        }

        w.WriteEndArray();
    }

    private static void Strings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }

    private static void Ints(Utf8JsonWriter w, string name, IReadOnlyList<int> values)
    {
        w.WritePropertyName(name);
        Ints(w, values);
    }

    private static void Ints(Utf8JsonWriter w, IReadOnlyList<int> values)
    {
        w.WriteStartArray();
        foreach (int v in values)
        {
            w.WriteNumberValue(v);
        }

        w.WriteEndArray();
    }
}
