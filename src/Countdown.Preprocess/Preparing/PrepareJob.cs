using System.Diagnostics;
using System.Security.Cryptography;
using Countdown.Preprocess.Output;
using Countdown.Preprocess.Parquet;
using Countdown.Preprocess.Quality;
using Countdown.Preprocess.Readers;
using Countdown.Preprocess.Rows;
using Countdown.Preprocess.Scoring;
using Countdown.Preprocess.Solving;
using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Preparing;

/// <summary>The main job: read raw tasks, split them as TinyZero does, and write veRL's train and test Parquet.</summary>
public static partial class PrepareJob
{
    /// <summary>The train split's file name inside the output folder.</summary>
    public const string TrainFileName = "train.parquet";

    /// <summary>The test split's file name inside the output folder.</summary>
    public const string TestFileName = "test.parquet";

    /// <summary>The reward function's file name inside the output folder (with <see cref="PrepareOptions.WriteRewardFunction"/>).</summary>
    public const string RewardFileName = "countdown_reward.py";

    /// <summary>Runs the job; outputs appear together only when both are complete.</summary>
    /// <exception cref="CountdownException">Bad options, unreadable input, a bad record, too few records, or an output failure.</exception>
    public static async Task<PrepareResult> RunAsync(PrepareOptions options, CancellationToken cancellationToken = default)
        => await RunAsync(options, progress: null, cancellationToken);

    /// <summary>Runs the job, reporting progress every few thousand records.</summary>
    /// <exception cref="CountdownException">Bad options, unreadable input, a bad record, too few records, or an output failure.</exception>
    public static async Task<PrepareResult> RunAsync(PrepareOptions options, IProgress<PrepareProgress>? progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var clock = Stopwatch.StartNew();
        if (CanStream(options))
            return await RunStreamingAsync(options, progress is null ? null : new SerialProgress(progress), clock, cancellationToken);

        var (inputs, tasks, inputRecords, duplicatesRemoved) = await ReadPackedAsync(options, progress, cancellationToken);
        var filtered = ApplyFilters(options, tasks, duplicatesRemoved, cancellationToken);
        var needed = options.TrainSize + options.TestSize + 1;
        var prompts = MeasurePrompts(options, tasks, needed - 1, cancellationToken);

        if (tasks.Count < needed)
            throw new NotEnoughTasksException(DisplayName(options), tasks.Count, needed);

        progress?.Report(new PrepareProgress("read", inputRecords, inputRecords));
        var train = Slice(tasks, 0, (int)options.TrainSize, "train", options, progress, cancellationToken);
        var test = Slice(tasks, (int)options.TrainSize, (int)options.TestSize, "test", options, progress, cancellationToken);

        await using var outputs = new AtomicFileSet { WaitingForLock = options.WaitingForLock };
        using var slots = new RowGroupSlotPool(ParquetOptions(options));
        var (trainFile, trainShards) = await WriteSplitFilesAsync(outputs, slots, "train", options.TrainSize, train, options, cancellationToken);
        var (testFile, testShards) = await WriteSplitFilesAsync(outputs, slots, "test", options.TestSize, test, options, cancellationToken);
        return await FinishAsync(outputs, options,
            extras => new PrepareResult(inputs, inputRecords, filtered.DuplicatesRemoved, filtered.UnsolvableRemoved, tasks.Count, trainFile, testFile, clock.Elapsed, extras)
            {
                PromptsTooLongRemoved = prompts.Removed,
                PromptTokens = prompts.Written,
                TrainShards = trainShards,
                TestShards = testShards,
            }, cancellationToken);
    }

    private static string DisplayName(PrepareOptions options)
        => options.InputDisplayName ?? string.Join(", ", options.InputPaths);

    private const int ProgressEvery = 16_384;

    /// <summary>Reads every input in order, handing each batch to <paramref name="add"/>; reports progress each time the total passes a multiple of <see cref="ProgressEvery"/>.</summary>
    private static async Task<List<PreparedInput>> ReadAllAsync(PrepareOptions options, Func<List<CountdownTask>, CancellationToken, ValueTask> add, IProgress<PrepareProgress>? progress, CancellationToken cancellationToken)
    {
        var inputs = new List<PreparedInput>();
        long total = 0;
        foreach (var path in options.InputPaths)
        {
            var format = TaskReader.ResolveFormat(path, options.InputFormat);
            var before = total;
            await foreach (var batch in TaskReader.ReadBatchesAsync(path, format, cancellationToken).ConfigureAwait(false))
            {
                await add(batch, cancellationToken).ConfigureAwait(false);
                var after = total + batch.Count;
                if (after / ProgressEvery > total / ProgressEvery) progress?.Report(new PrepareProgress("read", after / ProgressEvery * ProgressEvery, null));
                total = after;
            }
            var sha = options.ComputeHashes && path != "-" ? await HashFileAsync(path, cancellationToken) : null;
            inputs.Add(new PreparedInput(path, format, total - before, sha));
        }
        return inputs;
    }

    private static async Task<string> HashFileAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    /// <summary>Adds the files written besides the splits (reward function, then the summary, which describes them all), then moves the whole set into place.</summary>
    private static async Task<PrepareResult> FinishAsync(AtomicFileSet outputs, PrepareOptions options, Func<List<PreparedOutput>, PrepareResult> toResult, CancellationToken cancellationToken)
    {
        var extras = new List<PreparedOutput>();
        if (options.WriteRewardFunction)
            extras.Add(await WriteRewardFunctionAsync(outputs, Path.Combine(options.OutputDirectory, RewardFileName), options, cancellationToken));
        var result = toResult(extras);
        if (options.SummaryFile is { } summary)
            await WriteTextAsync(outputs, summary.Path, "--summary-json", summary.Render(result) + "\n", cancellationToken);
        outputs.Commit(cancellationToken);
        RemoveStaleSplitFiles(outputs, options);
        return result;
    }

    private static async Task<PreparedOutput> WriteRewardFunctionAsync(AtomicFileSet outputs, string finalPath, PrepareOptions options, CancellationToken cancellationToken)
    {
        await using var stream = outputs.Create(finalPath, "--local-dir");
        try
        {
            await RewardModule.WriteAsync(stream, cancellationToken);
            await stream.FlushAsync(cancellationToken);
        }
        catch (IOException error)
        {
            throw new OutputException($"Writing '{finalPath}' failed: {error.Message.TrimEnd('.')}; free some space or choose another --local-dir. No output was changed.", finalPath, error);
        }
        return new PreparedOutput(Path.GetFullPath(finalPath), 0, stream.Length, options.ComputeHashes ? await HashAsync(stream, cancellationToken) : null);
    }

    private static async Task WriteTextAsync(AtomicFileSet outputs, string finalPath, string option, string text, CancellationToken cancellationToken)
    {
        await using var stream = outputs.Create(finalPath, option);
        try
        {
            await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(text), cancellationToken);
            await stream.FlushAsync(cancellationToken);
        }
        catch (IOException error)
        {
            throw new OutputException($"Writing '{finalPath}' failed: {error.Message.TrimEnd('.')}; free some space or choose another {option}. No output was changed.", finalPath, error);
        }
    }

    private static async Task<string> HashAsync(FileStream stream, CancellationToken cancellationToken)
    {
        stream.Position = 0;
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    private static Task<PreparedOutput> WriteSplitAsync(
        AtomicFileSet outputs, RowGroupSlotPool slots, string finalPath, IEnumerable<PreparedRow> rows, PrepareOptions options, CancellationToken cancellationToken)
        => WriteSplitAsync(outputs, finalPath, stream => VerlParquetWriter.WriteAsync(stream, rows, slots.Options, slots, cancellationToken), options, cancellationToken);

    /// <summary>The options of the job's Parquet files.</summary>
    private static VerlParquetOptions ParquetOptions(PrepareOptions options) => options.Parquet with { IncludeSolution = options.AddSolution };

    /// <summary>Writes one Parquet file of the set with <paramref name="write"/>, then starts flushing it to the disk while the job writes the next.</summary>
    private static async Task<PreparedOutput> WriteSplitAsync(
        AtomicFileSet outputs, string finalPath, Func<Stream, Task<long>> write, PrepareOptions options, CancellationToken cancellationToken)
    {
        PreparedOutput output;
        await using (var stream = outputs.Create(finalPath, "--local-dir"))
        {
            long written;
            try
            {
                written = await write(stream);
                await stream.FlushAsync(cancellationToken);
            }
            catch (IOException error)
            {
                throw new OutputException($"Writing '{finalPath}' failed: {error.Message.TrimEnd('.')}; free some space or choose another --local-dir. No output was changed.", finalPath, error);
            }
            var sha = options.ComputeHashes ? await HashAsync(stream, cancellationToken) : null;
            output = new PreparedOutput(Path.GetFullPath(finalPath), written, stream.Length, sha);
        }
        outputs.StartFlushToDisk(finalPath);
        return output;
    }
}
