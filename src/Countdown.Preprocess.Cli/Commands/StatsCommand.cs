using System.CommandLine;
using System.Diagnostics;
using Countdown.Preprocess.Quality;
using Countdown.Preprocess.Readers;
using Countdown.Preprocess.Solving;
using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Templates;
using Countdown.Preprocess.Tokenization;
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

    private readonly Option<string> _tokenizer = new("--tokenizer")
    {
        Description = "Also measure each task's prompt in the model's tokens (a model folder with tokenizer.json and tokenizer_config.json, or a tokenizer.json file) and show the lengths as a histogram.",
    };

    private readonly Option<string> _template = new("--template")
    {
        Description = $"With --tokenizer: the prompt template to measure: {string.Join(", ", PromptTemplates.Names)}.",
        DefaultValueFactory = _ => PromptTemplates.Base.Name,
    };

    private readonly Option<string> _templateFile = new("--template-file")
    {
        Description = "With --tokenizer: measure prompts of this custom template (a JSON list of {role, content} messages) instead.",
    };

    public StatsCommand(CliConsole console)
        : base("stats", "Print what a raw task file holds: counts, ranges, duplicates and, with --solve, solvability and difficulty.", console)
    {
        Arguments.Add(_input);
        Options.Add(_inputFormat);
        Options.Add(_solve);
        Options.Add(_json);
        Options.Add(_tokenizer);
        Options.Add(_template);
        Options.Add(_templateFile);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, ILogger log, CancellationToken cancellationToken)
    {
        var input = parseResult.GetRequiredValue(_input);
        var format = LowerCaseEnumOption.Parse<TaskInputFormat>(parseResult.GetRequiredValue(_inputFormat));
        var clock = Stopwatch.StartNew();
        PromptTemplate template = PromptTemplates.Get(parseResult.GetRequiredValue(_template));
        if (parseResult.GetValue(_templateFile) is { } templatePath)
            template = await TemplateFile.LoadAsync(PathExpansion.ExpandHome(templatePath), cancellationToken);
        using var tokenizer = parseResult.GetValue(_tokenizer) is { } tokenizerPath ? HuggingFaceTokenizer.Load(PathExpansion.ExpandHome(tokenizerPath)) : null;
        var counter = tokenizer is null ? null : PromptTokenCounter.For(tokenizer, template);

        // One streaming pass: tasks are counted (solved and measured batch by batch) as they are read, never all held.
        var solve = parseResult.GetValue(_solve);
        var lengths = counter is null ? null : new TokenLengthHistogram();
        var tasks = TaskReader.ReadAsync(input, format, cancellationToken);
        if (solve) tasks = RefuseTooLargeToSolve(tasks, input, cancellationToken);
        if (counter is not null) tasks = PromptLengths.MeasureAsync(tasks, template, counter, lengths!, cancellationToken);
        var (statistics, solving) = await Task.Run(() => TaskSurvey.RunAsync(tasks, solve, cancellationToken), cancellationToken);
        log.Debug("Read {Count} tasks from {Input}{Solved} in {Seconds:F2} s",
            statistics.Records, input, solve ? " and solved them" : "", clock.Elapsed.TotalSeconds);
        var tokens = lengths?.ToStatistics();

        var counting = counter is null ? "" : counter.UsesChatTemplate ? $"template {template.Name} through the {tokenizer!.ChatTemplate!.DisplayName} chat template" : $"template {template.Name}, text as is";
        if (parseResult.GetValue(_json)) WriteJson(Console.Out, statistics, solving, tokens);
        else WriteText(Console.Out, statistics, solving, tokens is null ? null : (tokens, counting));
        return ExitCodes.Success;
    }

    /// <summary>A task the solver cannot take is a fact about the data (exit 4), not about the options: refused with its row.</summary>
    private static async IAsyncEnumerable<CountdownTask> RefuseTooLargeToSolve(IAsyncEnumerable<CountdownTask> tasks, string input,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long row = 0;
        await foreach (var task in tasks.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (task.Nums.Length > CountdownSolver.MaxNumbers)
                throw new TaskDataException(
                    $"Task {row + 1} of '{input}' holds {task.Nums.Length} numbers but --solve handles at most {CountdownSolver.MaxNumbers}; drop larger tasks, or run stats without --solve.",
                    input, rowIndex: row, field: "nums");
            row++;
            yield return task;
        }
    }
}
