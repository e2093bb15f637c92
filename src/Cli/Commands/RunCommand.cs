using System.CommandLine;
using MmuDsl.Cli.Formats;

namespace MmuDsl.Cli.Commands;

/// <summary><c>mmudsl run FILE...</c>: runs scenarios and prints them in the format asked (<see cref="RunFormats"/>).</summary>
internal static class RunCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, CliEnvironment env)
    {
        var formats = RunFormats.Create();
        var common = new CommonOptions([.. formats.Select(f => f.Name)]);
        var files = new Argument<string[]>("FILE") { Description = "Scenario files (.mmu) to run", Arity = ArgumentArity.OneOrMore };
        var command = new Command("run", "Run scenarios and print their output; where the algorithms print differently, one section per algorithm. Exit 0 if everything held, 1 if an expectation or golden block failed, 2 if a scenario could not be parsed or run.");
        command.Add(files);
        common.AddTo(command);
        foreach (var format in formats)
        {
            format.AddOptions(command, common.Format);
        }

        command.SetAction(parse =>
        {
            string name = parse.GetValue(common.Format)!;
            var format = formats.Single(f => f.Name == name);
            var context = new FormatContext(parse, stdout, stderr, common.Paint(parse, env));
            return format.Run(parse.GetValue(files)!, common.ToRunOptions(parse), context);
        });
        return command;
    }
}
