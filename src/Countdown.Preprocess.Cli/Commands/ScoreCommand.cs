using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Countdown.Preprocess.Scoring;
using Countdown.Preprocess.Tasks;
using Serilog;

namespace Countdown.Preprocess.Cli.Commands;

/// <summary><c>score</c>: rates model answers with the reward's semantics; one JSON line per row, totals on standard error.</summary>
internal sealed class ScoreCommand : CountdownCommand
{
    private readonly Argument<string?> _inputArgument = new("input")
    {
        Description = "Rows to score, as --input (give one or the other).",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private readonly Option<string> _input = new("--input", "-i")
    {
        Description = "Rows to score (.jsonl, .json, .csv or .parquet; '-' reads JSON lines from standard input) with target and nums (or reward_model.ground_truth) and response (or solution_str).",
    };

    private readonly Option<string> _mode = new("--mode")
    {
        Description = "response: the answer is the last <answer> pair in the response, as today's veRL passes it. tinyzero: the output is a TinyZero log of prompt + response, scored exactly as TinyZero's compute_score does.",
        DefaultValueFactory = _ => "response",
    };

    private readonly Option<string> _rule = new("--rule")
    {
        Description = "strict: correct means integer literals, binary + - * / and parentheses, exact value. tinyzero: TinyZero's acceptance (**, //, decimals, unary minus pass). --mode tinyzero always uses tinyzero.",
        DefaultValueFactory = _ => "strict",
    };

    // The old spelling `--strict true|false`, kept for scripts; --rule replaces it, so help does not show it.
    private readonly Option<bool> _strict = new("--strict")
    {
        Hidden = true,
    };

    private readonly Option<bool> _json = new("--json")
    {
        Description = "Write the totals to standard error as one JSON object instead of a sentence.",
    };

    private readonly Option<string?> _summaryJson = new("--summary-json")
    {
        Description = "Also write the totals as JSON to this file.",
    };

    private readonly Option<string> _format = new("--input-format")
    {
        Description = "The input's layout; auto picks it by extension, else by the first bytes.",
        DefaultValueFactory = _ => "auto",
    };

    // The old command-only spelling of --input-format, kept for scripts but not shown in help.
    private readonly Option<string?> _legacyFormat = new("--format")
    {
        Hidden = true,
    };

    public ScoreCommand(CliConsole console)
        : base("score", "Rate model answers to Countdown tasks with the reward's rules: one JSON line per row on standard output, totals on standard error.", console)
    {
        _mode.AcceptOnlyFromAmong("response", "tinyzero");
        _rule.AcceptOnlyFromAmong("strict", "tinyzero");
        _format.AcceptOnlyFromAmong("auto", "jsonl", "json", "csv", "parquet");
        _legacyFormat.AcceptOnlyFromAmong("auto", "jsonl", "json", "csv", "parquet");
        Arguments.Add(_inputArgument);
        Options.Add(_input);
        Validators.Add(ValidateInput);
        Options.Add(_mode);
        Options.Add(_rule);
        Options.Add(_strict);
        Options.Add(_legacyFormat);
        Options.Add(_json);
        Options.Add(_summaryJson);
        Options.Add(_format);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, ILogger log, CancellationToken cancellationToken)
    {
        var input = InputOf(parseResult);
        var options = new ScoreOptions
        {
            Mode = parseResult.GetValue(_mode) == "tinyzero" ? ScoringMode.TinyZero : ScoringMode.Response,
            Strict = StrictOf(parseResult),
        };
        var format = (parseResult.GetValue(_legacyFormat) ?? parseResult.GetValue(_format)) switch
        {
            "jsonl" => ScoreInputFormat.JsonLines,
            "json" => ScoreInputFormat.Json,
            "csv" => ScoreInputFormat.Csv,
            "parquet" => ScoreInputFormat.Parquet,
            _ => ScoreInputFormat.Auto,
        };
        log.Debug("Scoring {Input} in {Mode} mode, strict {Strict}", input, options.Mode, options.Strict);

        ScoreSummary summary;
        if (ReferenceEquals(Console.Out, System.Console.Out))
        {
            // The real console: UTF-8 bytes straight into a buffered standard output.
            await using var output = new BufferedStream(System.Console.OpenStandardOutput(), 1 << 16);
            var line = new byte[256];
            summary = await ScoreFile.ScoreAsync(input, options, (row, result) =>
                output.Write(line, 0, ScoreLine.Write(line, row.Index, result)), format, cancellationToken);
            await output.FlushAsync(cancellationToken);
        }
        else
        {
            var line = new StringBuilder(128);
            summary = await ScoreFile.ScoreAsync(input, options, (row, result) =>
            {
                line.Clear();
                ScoreLine.Append(line, row.Index, result);
                Console.Out.Write(line);
            }, format, cancellationToken);
        }

        var totals = ScoreLine.Summary(summary);
        if (parseResult.GetValue(_json)) Console.Error.WriteLine(totals);
        else Console.Error.WriteLine(ScoreLine.SummarySentence(summary));
        if (parseResult.GetValue(_summaryJson) is { } summaryPath)
        {
            // The tool's one commit protocol (temporary file, fsync, checked rename under the folder's lock).
            await using var set = new Output.AtomicFileSet();
            try
            {
                await using (var stream = set.Create(summaryPath, "--summary-json"))
                    await stream.WriteAsync(Encoding.UTF8.GetBytes(totals + "\n"), cancellationToken);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                throw new OutputException($"The summary cannot be written to '{summaryPath}' ({error.Message.TrimEnd('.')}); check the path.", summaryPath, error);
            }
            set.Commit(cancellationToken);
        }
        return ExitCodes.Success;
    }

    private string InputOf(ParseResult parseResult) => parseResult.GetValue(_inputArgument) ?? parseResult.GetValue(_input)!;

    private void ValidateInput(System.CommandLine.Parsing.CommandResult result)
    {
        var positional = result.GetValue(_inputArgument);
        var option = result.GetValue(_input);
        if (positional is null && option is null)
            result.AddError("No input: give the file of answers to score, as in 'score answers.jsonl', or - for standard input.");
        else if (positional is not null && option is not null)
            result.AddError($"The input is given twice, as '{positional}' and as --input '{option}'; give one of them.");
    }

    private bool StrictOf(ParseResult parseResult)
    {
        var rule = parseResult.GetResult(_rule) is { Implicit: false } ? parseResult.GetValue(_rule) : null;
        if (parseResult.GetResult(_strict) is not { Implicit: false }) return rule != "tinyzero";
        var strict = parseResult.GetValue(_strict);
        if (rule is not null && (rule == "strict") != strict)
            throw new UsageException($"--rule {rule} and --strict {(strict ? "true" : "false")} disagree; give --rule alone.");
        return strict;
    }
}
