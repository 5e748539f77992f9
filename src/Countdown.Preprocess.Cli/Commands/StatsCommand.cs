using System.CommandLine;
using System.Diagnostics;
using Countdown.Preprocess.Quality;
using Countdown.Preprocess.Readers;
using Countdown.Preprocess.Solving;
using Countdown.Preprocess.Tasks;
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

        var tasks = new List<CountdownTask>();
        await foreach (var task in TaskReader.ReadAsync(input, format, cancellationToken)) tasks.Add(task);
        var statistics = TaskStatistics.Compute(tasks);
        log.Debug("Read {Count} tasks from {Input} in {Seconds:F2} s", tasks.Count, input, clock.Elapsed.TotalSeconds);

        SolveStatistics? solving = null;
        if (parseResult.GetValue(_solve))
        {
            // A task the solver cannot take is a fact about the data (exit 4), not about the options.
            var tooLarge = tasks.FindIndex(task => task.Nums.Length > CountdownSolver.MaxNumbers);
            if (tooLarge >= 0)
                throw new TaskDataException(
                    $"Task {tooLarge + 1} of '{input}' holds {tasks[tooLarge].Nums.Length} numbers but --solve handles at most {CountdownSolver.MaxNumbers}; drop larger tasks, or run stats without --solve.",
                    input, rowIndex: tooLarge, field: "nums");
            clock.Restart();
            var results = await Task.Run(
                () => CountdownSolver.SolveAll(tasks, new SolveOptions { ComputeDifficulty = true }, cancellationToken), cancellationToken);
            solving = SolveStatistics.Compute(results);
            log.Debug("Solved {Count} tasks in {Seconds:F2} s", tasks.Count, clock.Elapsed.TotalSeconds);
        }

        if (parseResult.GetValue(_json)) WriteJson(Console.Out, statistics, solving);
        else WriteText(Console.Out, statistics, solving);
        return ExitCodes.Success;
    }
}
