using CertLint.Cli;

return CliApp.Run(args, CliContext.FromProcess());
