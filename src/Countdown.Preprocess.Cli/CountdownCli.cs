using System.CommandLine;
using Countdown.Preprocess.Cli.Commands;

namespace Countdown.Preprocess.Cli;

/// <summary>Builds the root command from the command classes and runs it.</summary>
internal static class CountdownCli
{
    public static RootCommand CreateRootCommand(CliConsole console)
    {
        var root = new RootCommand("Prepare Countdown numbers-game tasks for reinforcement learning with veRL, exactly as TinyZero does, and check them.");
        GlobalOptions.AddTo(root);
        // One line per command; keep in the order help lists them.
        root.Subcommands.Add(new PrepareCommand(console));
        root.Subcommands.Add(new InspectCommand(console));
        root.Subcommands.Add(new ValidateCommand(console));
        root.Subcommands.Add(new StatsCommand(console));
        root.Subcommands.Add(new GenerateCommand(console));
        root.Subcommands.Add(new ScoreCommand(console));
        root.Subcommands.Add(new ReportCommand(console));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliConsole? console = null, CancellationToken cancellationToken = default)
    {
        console ??= CliConsole.System;
        var root = CreateRootCommand(console);
        // Ctrl-C cancels the token; the grace period lets the command remove its temporary files before the process ends.
        var config = new InvocationConfiguration { Output = console.Out, Error = console.Error, ProcessTerminationTimeout = TimeSpan.FromSeconds(30) };
        var parseResult = root.Parse(args);
        if (ParseErrorReport.HasErrors(parseResult))
            return ParseErrorReport.Write(parseResult, console.Error);
        return await parseResult.InvokeAsync(config, cancellationToken);
    }
}
