using System.CommandLine;
using System.Diagnostics;
using Countdown.Preprocess.Generating;
using Countdown.Preprocess.Solving;
using Countdown.Preprocess.Writers;
using Serilog;

namespace Countdown.Preprocess.Cli.Commands;

/// <summary><c>generate</c>: writes synthetic raw tasks, each solvable by construction, as Parquet, JSONL or CSV.</summary>
internal sealed class GenerateCommand : CountdownCommand
{
    private readonly Option<int> _count = new("--count", "-n")
    {
        Description = "How many tasks to make.",
        Required = true,
    };

    private readonly Option<string> _output = new("--output", "-o")
    {
        Description = "The file to write; its extension (.parquet, .jsonl, .json, .csv) picks the format. Written atomically.",
        Required = true,
    };

    private readonly Option<ulong> _seed = new("--seed")
    {
        Description = "Seed; the same seed and options give the same tasks on every machine.",
        DefaultValueFactory = _ => CliDefaults.Seed,
    };

    private readonly Option<string> _numbers = new("--numbers")
    {
        Description = "How many numbers a task has, as MIN-MAX (at most 6).",
        DefaultValueFactory = _ => "3-4",
    };

    private readonly Option<string> _values = new("--values")
    {
        Description = "The range each number is drawn from, as MIN-MAX.",
        DefaultValueFactory = _ => "1-99",
    };

    private readonly Option<string> _targets = new("--targets")
    {
        Description = "The range targets fall in, as MIN-MAX.",
        DefaultValueFactory = _ => "10-100",
    };

    private readonly Option<string> _rule = new("--rule")
    {
        Description = "Solvable under TinyZero's reward (exact fractions allowed) or the integer rule (non-negative integer steps, exact division).",
        DefaultValueFactory = _ => "reward",
    };

    public GenerateCommand(CliConsole console)
        : base("generate", "Write synthetic raw Countdown tasks, every one solvable by construction, in the Hugging Face layout.", console)
    {
        _rule.AcceptOnlyFromAmong("reward", "integer");
        Options.Add(_count);
        Options.Add(_output);
        Options.Add(_seed);
        Options.Add(_numbers);
        Options.Add(_values);
        Options.Add(_targets);
        Options.Add(_rule);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, ILogger log, CancellationToken cancellationToken)
    {
        var output = parseResult.GetRequiredValue(_output);
        var format = RawTaskWriter.FormatFor(output);
        var options = new GenerateOptions
        {
            Count = parseResult.GetValue(_count),
            Seed = parseResult.GetValue(_seed),
            Numbers = ValueRange.Parse(parseResult.GetRequiredValue(_numbers), "--numbers"),
            Values = ValueRange.Parse(parseResult.GetRequiredValue(_values), "--values"),
            Targets = ValueRange.Parse(parseResult.GetRequiredValue(_targets), "--targets"),
            Rule = parseResult.GetValue(_rule) == "integer" ? SolveRule.Integer : SolveRule.Reward,
        };

        var clock = Stopwatch.StartNew();
        // Streamed: batches are generated on all cores while the previous one is written, so memory stays flat.
        await RawTaskWriter.WriteBatchesAsync(output, TaskGenerator.GenerateBatchesAsync(options, cancellationToken: cancellationToken), format, cancellationToken);
        log.Information("Wrote {Count} tasks ({Rule} rule, seed {Seed}) to {Output} in {Seconds:F2} s",
            options.Count, options.Rule.ToString().ToLowerInvariant(), options.Seed, output, clock.Elapsed.TotalSeconds);
        return ExitCodes.Success;
    }
}
