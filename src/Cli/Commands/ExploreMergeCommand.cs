using System.CommandLine;
using MmuDsl.Cli.Reports;
using MmuDsl.Explore.Results;

namespace MmuDsl.Cli.Commands;

/// <summary>
/// <c>mmudsl explore merge FILES|DIR</c>: the report of a sharded exploration from every shard's
/// <c>--results</c> file, the same (counts, findings, repros, work, verdict) as a single run of the
/// same bounds prints; refuses with exit 2 files that do not belong together or a set with shards
/// missing.
/// </summary>
internal static class ExploreMergeCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, CliEnvironment env)
    {
        var paths = new Argument<string[]>("results") { Description = "The shards' results files, or folders of them (their *.json files)", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out", "-o") { Description = "Folder for the .mmu repros", DefaultValueFactory = _ => "explore-repros" };
        var noColor = new Option<bool>("--no-color") { Description = "Never colour the output" };
        var format = new Option<string>("--format", "-f") { Description = "Output format: text, or json (as `explore --format json` prints it)", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("merge", "Merge the --results files of every shard of one exploration (explore --shard I/N) into the report a single run of the same bounds prints. Exit 0 when the verdict is clean, 1 when something was found (repros are written), 2 when the files cannot be merged (different bounds, versions or algorithms, a shard twice, shards missing).")
        {
            paths, output, noColor, format,
        };
        command.SetAction(parse =>
        {
            var files = ShardMerger.Files(parse.GetValue(paths) ?? [], out string? problem);
            if (files == null)
            {
                stderr.WriteLine($"mmudsl: error: {problem}");
                return 2;
            }

            var outcome = ShardMerger.Merge(files);
            if (outcome.Report is not { } report)
            {
                stderr.WriteLine($"mmudsl: error: cannot merge these {files.Count} results files:");
                foreach (var p in outcome.Problems)
                {
                    stderr.WriteLine($"  {p}");
                }

                return 2;
            }

            var paint = new Paint(env.OutputIsTerminal && !env.NoColorRequested && !parse.GetValue(noColor));
            var repros = ExploreRepro.WriteAll(report, parse.GetValue(output)!);
            stdout.Write(parse.GetValue(format) == "json" ? ExploreJsonReport.Render(report, repros) : ExploreCommand.Render(report, paint, repros));
            return report.Clean ? 0 : 1;
        });
        return command;
    }
}
