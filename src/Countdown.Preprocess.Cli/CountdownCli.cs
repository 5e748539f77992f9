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
        // Signals are handled by ProcessSignals from the first line of Main and arrive here as the cancelled token, so
        // System.CommandLine's own Ctrl-C handler (which exists only once a command runs) stays off.
        var config = new InvocationConfiguration { Output = console.Out, Error = console.Error, ProcessTerminationTimeout = null };
        var parseResult = root.Parse(args);
        if (ParseErrorReport.HasErrors(parseResult))
            return ParseErrorReport.Write(parseResult, console.Error);
        try
        {
            return await parseResult.InvokeAsync(config, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // A signal before the command's own handling started: nothing was written yet.
            await console.Error.WriteLineAsync("error: Cancelled; no output was changed.");
            return ExitCodes.Cancelled;
        }
    }
}
