using System.Net;
using System.Reflection;
using System.Text;
using MmuDsl.Html.Model;

namespace MmuDsl.Html.Writing;

/// <summary>
/// The page: report.html with report.css, report.js and the model's JSON put in its place. One
/// file, no fetch: its Content-Security-Policy allows no network at all.
/// </summary>
internal static class ReportHtml
{
    private static readonly Lazy<(string Before, string Between, string After)> Template = new(Load);

    public static byte[] Render(ReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var (before, between, after) = Template.Value;

        // One buffer, sized for the data at about 60 bytes a frame per algorithm: the page is
        // copied once, at the end.
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(Math.Max(1 << 16, model.FrameCount * model.Algorithms.Count * 60));
        Encoding.UTF8.GetBytes(before.Replace("{{TITLE}}", WebUtility.HtmlEncode(model.Title), StringComparison.Ordinal), buffer);
        using (var json = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            ReportJson.Write(model, json);
        }

        Encoding.UTF8.GetBytes(between, buffer);
        Encoding.UTF8.GetBytes(after, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    private static (string, string, string) Load()
    {
        string page = Resource("report.html")
            .Replace("{{CSS}}", Resource("report.css"), StringComparison.Ordinal);
        int data = page.IndexOf("{{DATA}}", StringComparison.Ordinal);
        int js = page.IndexOf("{{JS}}", StringComparison.Ordinal);
        if (data < 0 || js < data)
        {
            throw new InvalidOperationException("report.html lacks {{DATA}} before {{JS}}");
        }

        return (page[..data], page[(data + 8)..js], Resource("report.js") + page[(js + 6)..]);
    }

    private static string Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("MmuDsl.Html." + name)
            ?? throw new InvalidOperationException($"the report asset {name} is not in the assembly");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
