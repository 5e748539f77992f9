using System.CommandLine;
using System.Diagnostics;
using Countdown.Preprocess.Quality;
using Countdown.Preprocess.Readers;
using Serilog;

namespace Countdown.Preprocess.Cli.Commands;

/// <summary><c>stats</c>: prints what a raw task file holds (sizes, ranges, duplicates) and, with <c>--solve</c>, how solvable and hard it is.</summary>
internal sealed partial class StatsCommand : CountdownCommand
{
    private readonly Argument<string> _input = new("input")
    {
        Description = "The raw task file (Parquet, JSON Lines, JSON or CSV), or - for standard input.",
    };

    private readonly Option<string> _inputFormat = LowerCaseEnumOption.Create("--input-format",
        "The input's format; auto tells it from the extension (or the content of standard input).", TaskInputFormat.Auto);

    private readonly Option<bool> _solve = new("--solve")
    {
        Description = "Also solve every task: solvable counts under the reward and integer rules, and a difficulty histogram.",
    };

    private readonly Option<bool> _json = new("--json")
    {
        Description = "Print one JSON object instead of text.",
    };

    public StatsCommand(CliConsole console)
        : base("stats", "Print what a raw task file holds: counts, ranges, duplicates and, with --solve, solvability and difficulty.", console)
    {
        Arguments.Add(_input);
        Options.Add(_inputFormat);
        Options.Add(_solve);
        Options.Add(_json);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, ILogger log, CancellationToken cancellationToken)
    {
        var input = parseResult.GetRequiredValue(_input);
        var format = LowerCaseEnumOption.Parse<TaskInputFormat>(parseResult.GetRequiredValue(_inputFormat));
        var clock = Stopwatch.StartNew();

        // One streaming pass: tasks are counted (and solved batch by batch) as they are read, never all held.
        var solve = parseResult.GetValue(_solve);
        var (statistics, solving) = await Task.Run(
            () => TaskSurvey.RunAsync(TaskReader.ReadAsync(input, format, cancellationToken), solve, cancellationToken), cancellationToken);
        log.Debug("Read {Count} tasks from {Input}{Solved} in {Seconds:F2} s",
            statistics.Records, input, solve ? " and solved them" : "", clock.Elapsed.TotalSeconds);

        if (parseResult.GetValue(_json)) WriteJson(Console.Out, statistics, solving);
        else WriteText(Console.Out, statistics, solving);
        return ExitCodes.Success;
    }
}
