using Countdown.Preprocess.Parquet;
using Countdown.Preprocess.Readers;
using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Templates;
using Countdown.Preprocess.Tokenization;

namespace Countdown.Preprocess.Preparing;

/// <summary>Everything <see cref="PrepareJob"/> needs; the defaults are TinyZero's.</summary>
public sealed record PrepareOptions
{
    /// <summary>TinyZero's default train split size.</summary>
    public const long DefaultTrainSize = 327_680;

    /// <summary>TinyZero's default test split size.</summary>
    public const long DefaultTestSize = 1_024;

    /// <summary>The input files, read in order as one stream of records; <c>-</c> is standard input.</summary>
    public required IReadOnlyList<string> InputPaths { get; init; }

    /// <summary>How the input is named in messages and the summary (a path, or an <c>hf://</c> address).</summary>
    public string? InputDisplayName { get; init; }

    /// <summary>The input format; <see cref="TaskInputFormat.Auto"/> decides from the extension.</summary>
    public TaskInputFormat InputFormat { get; init; } = TaskInputFormat.Auto;

    /// <summary>The folder that receives <c>train.parquet</c> and <c>test.parquet</c>; created when missing.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Rows in the train split: the first records in input order.</summary>
    public long TrainSize { get; init; } = DefaultTrainSize;

    /// <summary>Rows in the test split: the records right after the train split.</summary>
    public long TestSize { get; init; } = DefaultTestSize;

    /// <summary>The prompt template.</summary>
    public PromptTemplate Template { get; init; } = PromptTemplates.Base;

    /// <summary>Compression and row-group layout of the outputs.</summary>
    public VerlParquetOptions Parquet { get; init; } = VerlParquetOptions.Default;

    /// <summary>Drop a task whose target and multiset of numbers appeared earlier (the first is kept).</summary>
    public bool Dedupe { get; init; }

    /// <summary>Drop tasks the exact solver cannot solve under the rule reward.</summary>
    public bool SolvableOnly { get; init; }

    /// <summary>The seed of a stable shuffle applied before the split; <see langword="null"/> keeps input order.</summary>
    public ulong? ShuffleSeed { get; init; }

    /// <summary>Add <c>extra_info.solution</c>, a reference expression the rule reward scores 1.0.</summary>
    public bool AddSolution { get; init; }

    /// <summary>Also write <c>countdown_reward.py</c>, the reward function for today's veRL, with the same all-or-nothing rule.</summary>
    public bool WriteRewardFunction { get; init; }

    /// <summary>Whether to compute each output's SHA-256 (for the run summary).</summary>
    public bool ComputeHashes { get; init; }

    /// <summary>A run summary written with the outputs, as part of the same all-or-nothing set; null writes none.</summary>
    public PrepareSummaryFile? SummaryFile { get; init; }

    /// <summary>Called with the output folder when another run is committing into it and this one waits for it to finish.</summary>
    public Action<string>? WaitingForLock { get; init; }

    /// <summary>Measures each prompt in the model's tokens, for <see cref="PrepareResult.PromptTokens"/> and <see cref="MaxPromptTokens"/>; <see langword="null"/> measures nothing.</summary>
    public IPromptTokenCounter? PromptTokenCounter { get; init; }

    /// <summary>Drop a task whose prompt is longer than this many tokens (after the other filters, before the split); needs <see cref="PromptTokenCounter"/>.</summary>
    public int? MaxPromptTokens { get; init; }

    /// <summary>
    /// When set, each split is written as Hugging Face shards of at most this many rows (<c>train-00000-of-00004.parquet</c>)
    /// instead of one file; split files of an earlier run in the folder are removed once the new set is in place. Default null: one file a split.
    /// </summary>
    public long? MaxRowsPerFile { get; init; }

    /// <summary>Checks the values a user can get wrong.</summary>
    /// <exception cref="UsageException">A size is negative, no input is given, or the output folder is empty.</exception>
    public void Validate()
    {
        if (InputPaths.Count == 0) throw new UsageException("No input was given; pass --input PATH.");
        if (string.IsNullOrWhiteSpace(OutputDirectory))
            throw new UsageException($"--local-dir '{OutputDirectory}' is empty; give the output folder, such as --local-dir ~/data/countdown (use . for the current folder).");
        if (TrainSize < 0) throw new UsageException($"--train-size '{TrainSize}' is negative; give a count of 0 or more.");
        if (TestSize < 0) throw new UsageException($"--test-size '{TestSize}' is negative; give a count of 0 or more.");
        if (TrainSize > int.MaxValue || TestSize > int.MaxValue)
            throw new UsageException($"--train-size '{TrainSize}' and --test-size '{TestSize}' must each be at most {int.MaxValue}.");
        if (MaxPromptTokens is { } most && (most < 1 || PromptTokenCounter is null))
            throw new UsageException($"A prompt length limit of '{most}' tokens needs a positive count and a tokenizer to measure prompts; pass --tokenizer.");
        if (MaxRowsPerFile < 1) throw new UsageException($"--max-rows-per-file '{MaxRowsPerFile}' is below 1; give the most rows a shard may hold.");
        if (MaxRowsPerFile is { } perFile && Math.Max(Sharding.ShardNames.Count(TrainSize, perFile), Sharding.ShardNames.Count(TestSize, perFile)) > 99_999)
            throw new UsageException($"--max-rows-per-file '{perFile}' makes more than 99,999 shards; raise it.");
    }
}
