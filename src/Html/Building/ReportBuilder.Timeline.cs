using MmuDsl.Dsl.Syntax;
using MmuDsl.Html.Model;
using MmuDsl.Html.Recording;

namespace MmuDsl.Html.Building;

/// <summary>Lining the runs up: one step per execution of a statement, shared by the algorithms that ran it.</summary>
internal sealed partial class ReportBuilder
{
    // An execution is its statement's place and the how-manieth time it ran. The runs are merged
    // in order; an execution that a run has further on waits for it (the other runs' executions
    // of statements qualified @NAME come first, alone); if every run waits, the first goes alone.
    // Of several executions that need not wait (each run's next one is in no other run), the one
    // earliest in its file goes first: `@recursive X` then the next line, which legacy ran alone.
    // Hot: compiled optimized at once (no tier-0 code and instrumentation, a cost a one-shot run of a large scenario pays in full).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private List<ReportStep> Timeline()
    {
        int n = _runs.Count;
        var keys = new List<(SourceSpan Span, int Occurrence)>[n];
        var index = new Dictionary<(SourceSpan, int), int>[n];
        for (int a = 0; a < n; a++)
        {
            keys[a] = [];
            index[a] = [];
            var seen = new Dictionary<SourceSpan, int>();
            foreach (var record in _runs[a].Statements)
            {
                var span = record.Statement.Span;
                int occurrence = seen[span] = seen.GetValueOrDefault(span) + 1;
                index[a][(span, occurrence)] = keys[a].Count;
                keys[a].Add((span, occurrence));
            }
        }

        var head = new int[n];
        var steps = new List<ReportStep>();
        while (true)
        {
            (SourceSpan Span, int Occurrence)? chosen = null;
            int firstActive = -1;
            for (int a = 0; a < n; a++)
            {
                if (head[a] >= keys[a].Count)
                {
                    continue;
                }

                if (firstActive < 0)
                {
                    firstActive = a;
                }

                var key = keys[a][head[a]];
                bool ready = true;
                for (int b = 0; b < n && ready; b++)
                {
                    ready = b == a || head[b] >= keys[b].Count || keys[b][head[b]] == key
                        || !index[b].TryGetValue(key, out int at) || at < head[b];
                }

                if (ready && (chosen == null || Before(key.Span, chosen.Value.Span)))
                {
                    chosen = key;
                }
            }

            if (firstActive < 0)
            {
                return steps;
            }

            chosen ??= keys[firstActive][head[firstActive]];
            var records = new RecordedStatement?[n];
            for (int a = 0; a < n; a++)
            {
                if (head[a] < keys[a].Count && keys[a][head[a]] == chosen.Value)
                {
                    records[a] = _runs[a].Statements[head[a]++];
                }
            }

            steps.Add(new ReportStep(chosen.Value.Span, chosen.Value.Occurrence, records));
        }
    }

    private static bool Before(SourceSpan a, SourceSpan b) =>
        a.Path == b.Path && (a.Line < b.Line || (a.Line == b.Line && a.Column < b.Column));
}
