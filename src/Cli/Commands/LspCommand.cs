using System.CommandLine;
using MmuDsl.Lsp;

namespace MmuDsl.Cli.Commands;

/// <summary>
/// <c>mmudsl lsp</c>: the language server (src/Lsp) over stdin and stdout. Only wiring: the
/// limits of <c>mmudsl run</c>, the time budget per run and the debounce become
/// <see cref="ServerOptions"/>. It reads and writes the process's raw standard streams (the
/// protocol's bytes), not the command line's writers.
/// </summary>
internal static class LspCommand
{
    public static Command Create(TextWriter stderr)
    {
        var algorithm = new Option<string[]>("--algorithm", "-a")
        {
            Description = "Run only these algorithms; repeat or separate with commas. Intersected with a script's 'algorithms' statement.",
        };
        var maxLoops = new Option<long?>("--max-loop-iterations") { Description = "Total loop iterations a run may make (default 100,000,000)." };
        var maxPages = new Option<int?>("--max-pages") { Description = "Pages a run may make (default 10,000,000)." };
        var budget = new Option<int>("--time-budget-ms")
        {
            Description = "How long one analysis may run a script, all algorithms together (default 2000). Past it the run stops, and the statement it stopped at gets a warning.",
            DefaultValueFactory = _ => (int)ServerOptions.Default.TimeBudget.TotalMilliseconds,
        };
        var debounce = new Option<int>("--debounce-ms")
        {
            Description = "How long to wait after an edit for the next one before running (default 50).",
            DefaultValueFactory = _ => (int)ServerOptions.Default.Debounce.TotalMilliseconds,
        };
        var stdio = new Option<bool>("--stdio") { Description = "Talk over stdin and stdout (the only way; accepted because some clients pass it)." };
        var command = new Command("lsp", "Serve the Language Server Protocol over stdin/stdout for editors: diagnostics as you type, hover, definitions, references, completion, outline, folding, formatting (docs/editor.md).");
        command.Add(algorithm);
        command.Add(maxLoops);
        command.Add(maxPages);
        command.Add(budget);
        command.Add(debounce);
        command.Add(stdio);
        budget.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--time-budget-ms must be at least 1");
            }
        });
        debounce.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
            {
                result.AddError("--debounce-ms must be at least 0");
            }
        });
        command.SetAction(parse =>
        {
            var run = Dsl.Runtime.RunOptions.Default with { Algorithms = CommonOptions.Algorithms(parse.GetValue(algorithm)) };
            if (parse.GetValue(maxLoops) is { } loops)
            {
                run = run with { MaxLoopIterations = loops };
            }

            if (parse.GetValue(maxPages) is { } pages)
            {
                run = run with { MaxPages = pages };
            }

            var options = ServerOptions.Default with
            {
                Run = run,
                TimeBudget = TimeSpan.FromMilliseconds(parse.GetValue(budget)),
                Debounce = TimeSpan.FromMilliseconds(parse.GetValue(debounce)),
            };
            using var input = Console.OpenStandardInput();
            using var output = Console.OpenStandardOutput();
            return LspHost.RunAsync(input, output, options, stderr).GetAwaiter().GetResult();
        });
        return command;
    }
}
