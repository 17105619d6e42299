using Compare.Cli;

return CompareCli.Run(args, CliContext.FromConsole());
