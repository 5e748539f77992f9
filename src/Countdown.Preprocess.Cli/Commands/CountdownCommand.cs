using System.CommandLine;
using Countdown.Preprocess.Hub;
using Countdown.Preprocess.Tasks;
using Serilog;

namespace Countdown.Preprocess.Cli.Commands;

/// <summary>Base of every command: sets up logging, runs the command, and maps our failures to named exit codes.</summary>
internal abstract class CountdownCommand : Command
{
    protected CountdownCommand(string name, string description, CliConsole console) : base(name, description)
    {
        Console = console;
        SetAction(RunAsync);
    }

    protected CliConsole Console { get; }

    /// <summary>Runs the command; failures the user can fix are thrown as <see cref="CountdownException"/>.</summary>
    protected abstract Task<int> ExecuteAsync(ParseResult parseResult, ILogger log, CancellationToken cancellationToken);

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var verbose = parseResult.GetValue(GlobalOptions.Verbose);
        await using var log = Logging.Create(parseResult.GetValue(GlobalOptions.Quiet), verbose, parseResult.GetValue(GlobalOptions.LogFormat) ?? "text");
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            return await ExecuteAsync(parseResult, log, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Console.Error.WriteLine("error: Cancelled; no output was changed.");
            return ExitCodes.Cancelled;
        }
        catch (CountdownException error)
        {
            // Messages quote input; whatever slipped through unescaped must not reach the terminal as control characters.
            Console.Error.WriteLine($"error: {MessageText.Quote(error.Message, int.MaxValue)}");
            if (verbose) Console.Error.WriteLine(error.ToString());
            return ExitCodeFor(error);
        }
        catch (Exception error)
        {
            // Last resort: a failure we did not foresee is a bug (exit 1), but still one line; the trace only with --verbose.
            Console.Error.WriteLine($"error: Unexpected {error.GetType().Name} ({MessageText.Clause(error.Message)}); this is a bug, please report it with the output of --verbose.");
            if (verbose) Console.Error.WriteLine(error.ToString());
            return ExitCodes.UsageOrBug;
        }
    }

    /// <summary>The documented exit code for a failure.</summary>
    public static int ExitCodeFor(CountdownException error) => error switch
    {
        UsageException => ExitCodes.InvalidOption,
        InputFileException => ExitCodes.InputUnreadable,
        TaskDataException => ExitCodes.BadRecord,
        NotEnoughTasksException => ExitCodes.NotEnoughTasks,
        OutputException => ExitCodes.OutputFailed,
        HubException => ExitCodes.HubFailed,
        _ => ExitCodes.UsageOrBug,
    };
}
