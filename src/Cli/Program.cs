using MmuDsl.Cli;

return CliApp.Run(args, Console.Out, Console.Error, CliEnvironment.FromProcess());
