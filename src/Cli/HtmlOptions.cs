using System.CommandLine;
using MmuDsl.Html;

namespace MmuDsl.Cli;

/// <summary>The options of <c>--format html</c>: where the page goes, and the draw limit.</summary>
internal sealed class HtmlOptions
{
    public Option<string?> Output { get; } = new("--output", "-o")
    {
        Description = "With --format html: the report file (or a folder, one report per scenario); default: standard output",
    };

    public Option<int> DrawLimit { get; } = new("--draw-limit")
    {
        Description = "With --format html: scenarios with more pages draw, at each step, only the pages it touched and their paths to the roots",
        DefaultValueFactory = _ => HtmlReportOptions.Default.DrawLimit,
    };

    public void AddTo(Command command, Option<string> format)
    {
        command.Add(Output);
        command.Add(DrawLimit);
        command.Validators.Add(result =>
        {
            if (result.GetValue(format) != "html" && result.GetResult(Output) != null)
            {
                result.AddError("-o writes a report file: it goes with --format html");
            }

            if (result.GetResult(DrawLimit) is { } limit && limit.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--draw-limit must be at least 1");
            }
        });
    }

    public HtmlReportOptions ToReportOptions(ParseResult parse, bool diff) =>
        HtmlReportOptions.Default with { DrawLimit = parse.GetValue(DrawLimit), Diff = diff };
}
