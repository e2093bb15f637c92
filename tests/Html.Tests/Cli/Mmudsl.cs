using System.Text.Json;
using MmuDsl.Cli;

namespace MmuDsl.Html.Tests.Cli;

/// <summary>Runs <c>mmudsl</c> in-process with captured output; reads the data out of a report.</summary>
internal sealed record Mmudsl(int ExitCode, string Stdout, string Stderr)
{
    public static Mmudsl Run(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        int code = CliApp.Run(args, stdout, stderr, CliEnvironment.Plain);
        return new Mmudsl(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The JSON a report page embeds.</summary>
    public static JsonDocument Data(string html)
    {
        const string Start = "<script type=\"application/json\" id=\"mmu-data\">";
        int start = html.IndexOf(Start, StringComparison.Ordinal);
        Assert.True(start >= 0, "the page has no data");
        int end = html.IndexOf("</script>", start, StringComparison.Ordinal);
        return JsonDocument.Parse(html[(start + Start.Length)..end]);
    }
}
