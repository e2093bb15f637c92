using System.Text;
using System.Text.Json;
using MmuDsl.Html.Model;
using MmuDsl.Mmu;

namespace MmuDsl.Html.Writing;

/// <summary>
/// The model as the JSON the page embeds (format 1; report.js reads it). Compact: pages, states
/// and layouts are tables referred to by number; a frame's changes are flat (page, new state,
/// previous state) triples, 0 where nothing changed. The default encoder escapes &lt;, &gt; and
/// &amp;, so the text cannot end the script element it sits in.
/// </summary>
internal static partial class ReportJson
{
    public const int Format = 1;

    // Hot: compiled optimized at once (no tier-0 code and instrumentation, a cost a one-shot run of a large scenario pays in full).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static void Write(ReportModel model, Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteNumber("v", Format);
        w.WriteString("title", model.Title);
        w.WriteBoolean("diff", model.Diff);
        w.WriteNumber("exit", model.ExitCode);
        Strings(w, "algorithms", model.Algorithms);
        w.WriteStartArray("files");
        foreach (var (path, text) in model.Files)
        {
            w.WriteStartObject();
            w.WriteString("path", path);
            w.WriteString("text", text);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteErrors(model, w);
        WritePages(model, w);
        WriteStates(model, w);
        WriteSteps(model, w);
        w.WriteStartArray("deltas");
        foreach (var frames in model.Deltas)
        {
            w.WriteStartArray();
            foreach (var delta in frames)
            {
                if (delta == null)
                {
                    w.WriteNumberValue(0);
                }
                else
                {
                    Ints(w, delta);
                }
            }

            w.WriteEndArray();
        }

        w.WriteEndArray();
        WriteFailures(model, w);
        w.WriteStartArray("summary");
        foreach (var (text, step, kind) in model.Summary)
        {
            w.WriteStartArray();
            w.WriteStringValue(text);
            w.WriteNumberValue(step);
            w.WriteStringValue(kind);
            w.WriteEndArray();
        }

        w.WriteEndArray();
        w.WriteNumber("initial", model.InitialFrame);
        w.WriteBoolean("large", model.Large);
        w.WriteNumber("limit", model.DrawLimit);
        WriteLayouts(model, w);
        w.WriteEndObject();
    }

    private static void WritePages(ReportModel model, Utf8JsonWriter w)
    {
        w.WriteStartArray("pages");
        foreach (var page in model.Pages)
        {
            var box = Building.PageBox.Box(page);
            w.WriteStartArray();
            w.WriteStringValue(page.Name);
            w.WriteNumberValue(page.Level);
            w.WriteNumberValue(page.IsRoot ? 1 : 0);
            w.WriteNumberValue(box.Width);
            w.WriteNumberValue(box.Height);
            w.WriteEndArray();
        }

        w.WriteEndArray();
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void WriteStates(ReportModel model, Utf8JsonWriter w)
    {
        w.WriteStartArray("states");
        foreach (var s in model.States)
        {
            w.WriteStartArray();
            w.WriteNumberValue((s.Unsync ? 1 : 0) | (s.Zapped ? 2 : 0));
            w.WriteNumberValue(s.Syncs);
            w.WriteNumberValue(s.UnsyncChildren);
            w.WriteStartArray();
            foreach (int bit in s.Bitmap.SetBits())
            {
                w.WriteNumberValue(bit);
            }

            w.WriteEndArray();
            w.WriteStartArray();
            foreach (var spte in s.Sptes)
            {
                w.WriteNumberValue(spte.Index);
                w.WriteNumberValue(spte.Kind switch { SpteKind.Link => 1, SpteKind.Leaf => 2, _ => 3 });
                w.WriteNumberValue(spte.Child);
            }

            w.WriteEndArray();
            w.WriteEndArray();
        }

        w.WriteEndArray();
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void WriteSteps(ReportModel model, Utf8JsonWriter w)
    {
        int file(string path)
        {
            for (int i = 0; i < model.Files.Count; i++)
            {
                if (model.Files[i].Path == path)
                {
                    return i;
                }
            }

            return -1;
        }

        // A step is [file, line, column, occurrence, stages, differences, error, then per algorithm
        // 0 (did not run it), 1 (ran it; nothing more to say, counters unchanged) or an object].
        var fileIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var counters = new Mmu.MmuStatsSnapshot[model.Algorithms.Count];
        w.WriteStartArray("steps");
        foreach (var step in model.Steps)
        {
            if (!fileIndex.TryGetValue(step.Span.Path, out int f))
            {
                f = file(step.Span.Path);
                fileIndex[step.Span.Path] = f;
            }

            w.WriteStartArray();
            w.WriteNumberValue(f);
            w.WriteNumberValue(step.Span.Line);
            w.WriteNumberValue(step.Span.Column);
            w.WriteNumberValue(step.Occurrence);
            w.WriteNumberValue(step.SubFrames);
            w.WriteNumberValue((int)step.Diff);
            w.WriteNumberValue(step.Error ? 1 : 0);
            for (int a = 0; a < step.Records.Length; a++)
            {
                if (step.Records[a] is not { } record)
                {
                    w.WriteNumberValue(0);
                }
                else
                {
                    var first = a > 0 ? step.Records[0] : null;
                    WriteRecord(w, record, model.PageNumbers[a], ref counters[a], first);
                }
            }

            w.WriteEndArray();
        }

        w.WriteEndArray();
    }

    // Each error as a value: where (file number, line, column; -1 and 0 when it has no place in
    // the report's files), its kind, the algorithm it happened under (null: every one), its
    // message, and the text the command line prints for it.
    private static void WriteErrors(ReportModel model, Utf8JsonWriter w)
    {
        w.WriteStartArray("errors");
        foreach (var e in model.Errors)
        {
            w.WriteStartObject();
            w.WriteNumber("f", e.File);
            w.WriteNumber("l", e.Line);
            w.WriteNumber("c", e.Column);
            w.WriteString("kind", e.Error.Kind.ToString());
            w.WriteString("alg", e.Error.Algorithm);
            w.WriteString("msg", e.Error.Message);
            w.WriteString("text", e.Error.Render());
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteFailures(ReportModel model, Utf8JsonWriter w)
    {
        w.WriteStartArray("failures");
        foreach (var f in model.Failures)
        {
            w.WriteStartObject();
            w.WriteNumber("f", f.File);
            w.WriteNumber("l", f.Line);
            w.WriteNumber("c", f.Column);
            w.WriteString("alg", f.Failure.Algorithm);
            w.WriteString("kind", f.Failure.Kind.ToString());
            w.WriteString("head", f.Failure.Headline);
            w.WriteString("details", f.Failure.Details);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteLayouts(ReportModel model, Utf8JsonWriter w)
    {
        w.WriteStartArray("layouts");
        foreach (var layout in model.Layouts)
        {
            w.WriteStartObject();
            w.WriteNumber("w", Math.Round(layout.Width, 1));
            w.WriteNumber("h", Math.Round(layout.Height, 1));
            w.WriteStartArray("xy");
            for (int i = 0; i < layout.X.Length; i++)
            {
                w.WriteNumberValue(Math.Round(layout.X[i], 1));
                w.WriteNumberValue(Math.Round(layout.Y[i], 1));
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("views");
        foreach (var view in model.Views)
        {
            w.WriteStartArray();
            w.WriteNumberValue(view.Layout);
            w.WriteNumberValue(view.Touched);
            foreach (int page in view.Pages)
            {
                w.WriteNumberValue(page);
            }

            w.WriteEndArray();
        }

        w.WriteEndArray();
        Ints(w, "fv", model.FrameViews);
    }


    /// <summary>The JSON as UTF-8 bytes.</summary>
    public static byte[] ToBytes(ReportModel model)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1 << 16);
        using (var w = new Utf8JsonWriter(buffer))
        {
            Write(model, w);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The JSON as text (tests read it back).</summary>
    public static string ToText(ReportModel model) => Encoding.UTF8.GetString(ToBytes(model));
}
