using System.CommandLine;
using MmuDsl.Dsl.Runtime;
using MmuDsl.Mmu.Algorithms;
using MmuDsl.Plugins;

namespace MmuDsl.Cli;

/// <summary>The options every command shares, and how they become <see cref="RunOptions"/>.</summary>
internal sealed class CommonOptions
{
    public CommonOptions(params string[] formats)
    {
        Formats = formats;
        Format = new Option<string>("--format", "-f")
        {
            Description = $"Output format: {string.Join(", ", formats)}",
            DefaultValueFactory = _ => "text",
        };
        Format.AcceptOnlyFromAmong(formats);
    }

    public string[] Formats { get; }

    public Option<string[]> Algorithm { get; } = new("--algorithm", "-a")
    {
        Description = "Run only these algorithms (legacy, recursive); repeat or separate with commas. Intersected with a script's 'algorithms' statement.",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string> Format { get; }

    public Option<bool> Trace { get; } = new("--trace")
    {
        Description = "Print every engine event (walks, batches, bits cleared and by whom, syncs, zaps) as it happens.",
    };

    public Option<bool> NoColor { get; } = new("--no-color")
    {
        Description = "Never colour the output (colours are used only on a terminal anyway; NO_COLOR is honoured too).",
    };

    public Option<long?> MaxLoopIterations { get; } = new("--max-loop-iterations")
    {
        Description = "Total loop iterations a run may make (default 100,000,000).",
    };

    public Option<int?> MaxPages { get; } = new("--max-pages")
    {
        Description = "Pages a run may make (default 10,000,000).",
    };

    public Option<long?> MaxOutput { get; } = new("--max-output")
    {
        Description = "Characters of output a run may print (default 100,000,000).",
    };

    public Option<long?> MaxFileSize { get; } = new("--max-file-size")
    {
        Description = "Bytes a scenario file or an included file may have (default 67,108,864: 64 MiB); a larger one is refused before it is read.",
    };

    public void AddTo(Command command)
    {
        command.Add(Algorithm);
        command.Add(Format);
        command.Add(Trace);
        command.Add(NoColor);
        command.Add(MaxLoopIterations);
        command.Add(MaxPages);
        command.Add(MaxFileSize);
        command.Add(MaxOutput);
        command.Validators.Add(result =>
        {
            if (result.GetValue(MaxLoopIterations) is { } iterations && !SettingRange.MaxLoopIterations.Contains(iterations))
            {
                result.AddError("--max-loop-iterations: " + SettingRange.MaxLoopIterations.OutOfRange(iterations.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            if (result.GetValue(MaxPages) is { } pages && !SettingRange.MaxPages.Contains(pages))
            {
                result.AddError("--max-pages: " + SettingRange.MaxPages.OutOfRange(pages.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            if (result.GetValue(MaxOutput) is { } output && !SettingRange.MaxOutput.Contains(output))
            {
                result.AddError("--max-output: " + SettingRange.MaxOutput.OutOfRange(output.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            if (result.GetValue(MaxFileSize) is { } bytes && bytes < 1)
            {
                result.AddError($"--max-file-size must be at least 1 byte, not {bytes}");
            }

            foreach (var name in Algorithms(result.GetValue(Algorithm)) ?? [])
            {
                if (!AlgorithmRegistry.IsPath(name) && WalkAlgorithms.Find(name) == null)
                {
                    result.AddError($"unknown algorithm '{name}'; algorithms are {string.Join(", ", WalkAlgorithms.All.Select(a => a.Name))}, or the path of a plug-in's .cs file");
                }
            }
        });
    }

    public static IReadOnlyList<string>? Algorithms(string[]? values)
    {
        if (values == null || values.Length == 0)
        {
            return null;
        }

        return values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct().ToList();
    }

    public RunOptions ToRunOptions(ParseResult parse)
    {
        var options = RunOptions.Default with
        {
            Algorithms = Algorithms(parse.GetValue(Algorithm)),
            TraceAll = parse.GetValue(Trace),
            ShowFormat = parse.GetValue(Format) == "dot" ? ShowFormat.Dot : ShowFormat.Text,
        };
        if (parse.GetValue(MaxLoopIterations) is { } iterations)
        {
            options = options with { MaxLoopIterations = iterations };
        }

        if (parse.GetValue(MaxPages) is { } pages)
        {
            options = options with { MaxPages = pages };
        }

        if (parse.GetValue(MaxOutput) is { } output)
        {
            options = options with { MaxOutputChars = output };
        }

        if (parse.GetValue(MaxFileSize) is { } bytes)
        {
            options = options with { MaxSourceBytes = bytes };
        }

        return options;
    }

    public Paint Paint(ParseResult parse, CliEnvironment env) =>
        new(env.OutputIsTerminal && !env.NoColorRequested && !parse.GetValue(NoColor) && parse.GetValue(Format) == "text");
}
