using System.CommandLine;
using System.Diagnostics;
using Countdown.Preprocess.Readers;
using Countdown.Preprocess.Reporting;
using Countdown.Preprocess.Templates;
using Countdown.Preprocess.Tokenization;
using Serilog;

namespace Countdown.Preprocess.Cli.Commands;

/// <summary><c>report</c>: writes one self-contained HTML page with charts about a raw task file, a prepared folder or a score output.</summary>
internal sealed class ReportCommand : CountdownCommand
{
    private readonly Argument<string> _input = new("path")
    {
        Description = "A raw task file (Parquet, JSON Lines, JSON or CSV), a folder prepare wrote (train*.parquet, test*.parquet), or the JSON lines score printed.",
    };

    private readonly Option<string> _output = new("--output", "-o")
    {
        Description = "The HTML file to write.",
        DefaultValueFactory = _ => "report.html",
    };

    private readonly Option<string?> _png = new("--png")
    {
        Description = "Also write each chart as a PNG into this folder.",
    };

    private readonly Option<bool> _noSolve = new("--no-solve")
    {
        Description = "Skip the exact solver (no solvability or difficulty section).",
    };

    private readonly Option<string> _inputFormat = LowerCaseEnumOption.Create("--input-format",
        "A raw task file's format; auto tells it from the extension.", TaskInputFormat.Auto);

    private readonly Option<string?> _tokenizer = new("--tokenizer")
    {
        Description = "Add prompt lengths in this model's tokens: a folder with tokenizer.json (and tokenizer_config.json for chat templates), or a tokenizer.json file.",
    };

    private readonly Option<string> _template = new("--template")
    {
        Description = "The template a raw task file's prompts are measured with (base, qwen-instruct or chat); prepared files use their own prompts.",
        DefaultValueFactory = _ => PromptTemplates.Base.Name,
    };

    public ReportCommand(CliConsole console)
        : base("report", "Write one self-contained HTML page with charts: distributions, solvability, duplicates, overlap, rows as the model sees them, scores.", console)
    {
        Arguments.Add(_input);
        Options.Add(_output);
        Options.Add(_png);
        Options.Add(_noSolve);
        Options.Add(_inputFormat);
        Options.Add(_tokenizer);
        Options.Add(_template);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, ILogger log, CancellationToken cancellationToken)
    {
        var input = parseResult.GetRequiredValue(_input);
        var output = parseResult.GetRequiredValue(_output);
        using var tokenizer = parseResult.GetValue(_tokenizer) is { } tokenizerPath ? HuggingFaceTokenizer.Load(PathExpansion.ExpandHome(tokenizerPath)) : null;
        var options = new ReportOptions
        {
            Solve = !parseResult.GetValue(_noSolve),
            InputFormat = LowerCaseEnumOption.Parse<TaskInputFormat>(parseResult.GetRequiredValue(_inputFormat)),
            ToolVersion = ToolVersion.Current,
            Template = PromptTemplates.Get(parseResult.GetRequiredValue(_template)),
            CountPromptTokens = tokenizer is null ? null : CountWith(tokenizer),
            TokenizerName = tokenizer?.TokenizerPath,
        };
        var clock = Stopwatch.StartNew();
        var report = await ReportBuilder.BuildAsync(input, options, cancellationToken);
        log.Debug("Read {Rows} rows of {Input} in {Seconds:F2} s", report.Rows, input, clock.Elapsed.TotalSeconds);
        var written = await ReportFiles.WriteAsync(report, output, parseResult.GetValue(_png), cancellationToken);
        log.Information("Wrote the report of {Rows} rows to {Output} ({Files} files) in {Seconds:F2} s", report.Rows, output, written.Count, clock.Elapsed.TotalSeconds);
        return ExitCodes.Success;
    }

    /// <summary>
    /// Counts as the trainer will: a prompt of one user message (TinyZero's base and qwen-instruct rows) as its text, any
    /// other (the chat template's system and user messages) through the model's chat template.
    /// </summary>
    private static Func<IReadOnlyList<ChatMessage>, int> CountWith(HuggingFaceTokenizer tokenizer)
    {
        var text = PromptTokenCounter.For(tokenizer, chatStyle: false);
        var chat = new Lazy<PromptTokenCounter>(() => PromptTokenCounter.For(tokenizer, chatStyle: true));
        return prompt => prompt is [{ Role: "user" }] ? text.CountTokens(prompt) : chat.Value.CountTokens(prompt);
    }
}
