namespace MmuDsl.Cli.Formats;

/// <summary>The formats of <c>mmudsl run</c>, in the order <c>--help</c> lists them; new ones for each command invocation.</summary>
internal static class RunFormats
{
    public static IReadOnlyList<RunFormat> Create() =>
    [
        new TextFormat(),
        new JsonFormat(),
        new JunitFormat(),
        new DotFormat(),
        new HtmlFormat(),
    ];
}
