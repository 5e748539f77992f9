using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Countdown.Preprocess.Output;
using Countdown.Preprocess.Parquet;
using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Tokenization;

namespace Countdown.Preprocess.Preparing;

public static partial class PrepareJob
{
    /// <summary>Whether the splits can be written while the input is still read: no option needs all the tasks first.</summary>
    private static bool CanStream(PrepareOptions options)
        => !options.Dedupe && !options.SolvableOnly && options.ShuffleSeed is null && !options.AddSolution && options.MaxPromptTokens is null;

    /// <summary>The job without filters: the splits are written as the tasks arrive, and the outputs are committed only once the whole input has been read and counted.</summary>
    /// <remarks>Fails exactly as the read-everything-first path does (a reader error first, then too few tasks), and nothing is committed on failure.</remarks>
    private static async Task<PrepareResult> RunStreamingAsync(PrepareOptions options, IProgress<PrepareProgress>? progress, Stopwatch clock, CancellationToken cancellationToken)
    {
        var needed = options.TrainSize + options.TestSize + 1;
        var feed = new TaskFeed(keep: needed - 1);
        var cursor = new TaskCursor(feed);
        using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = Task.Run(() => ReadIntoAsync(feed, options, progress, stopReading.Token));
        var lengths = options.PromptTokenCounter is null ? null : new TokenLengthHistogram();

        await using var outputs = new AtomicFileSet { WaitingForLock = options.WaitingForLock };
        using var slots = new RowGroupSlotPool(ParquetOptions(options));
        PreparedOutput trainFile, testFile;
        IReadOnlyList<PreparedOutput>? trainShards, testShards;
        try
        {
            (trainFile, trainShards) = await WriteStreamedSplitAsync(outputs, slots, cursor, "train", options.TrainSize, options, progress, lengths, cancellationToken);
            (testFile, testShards) = await WriteStreamedSplitAsync(outputs, slots, cursor, "test", options.TestSize, options, progress, lengths, cancellationToken);
        }
        catch
        {
            await stopReading.CancelAsync();
            await ((Task)reading).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            // A bad input is reported before anything else, as when the input is read first.
            if (reading.Exception?.InnerException is { } readError)
                ExceptionDispatchInfo.Throw(readError);
            throw;
        }

        var inputs = await reading;
        var count = feed.Count;
        if (count < needed)
            throw new NotEnoughTasksException(DisplayName(options), count, needed);
        progress?.Report(new PrepareProgress("read", count, count));
        var promptTokens = lengths?.ToStatistics();

        return await FinishAsync(outputs, options,
            extras => new PrepareResult(inputs, count, 0, 0, count, trainFile, testFile, clock.Elapsed, extras)
            {
                PromptTokens = promptTokens,
                TrainShards = trainShards,
                TestShards = testShards,
            }, cancellationToken);
    }

    private static async Task<List<PreparedInput>> ReadIntoAsync(TaskFeed feed, PrepareOptions options, IProgress<PrepareProgress>? progress, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadAllAsync(options, feed.AddAsync, progress, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            feed.Complete();
        }
    }

    /// <summary>
    /// Writes the next <paramref name="count"/> tasks of the feed as <paramref name="split"/>: one file, or with
    /// <see cref="PrepareOptions.MaxRowsPerFile"/> Hugging Face shards whose <c>extra_info.index</c> runs on across files.
    /// </summary>
    private static async Task<(PreparedOutput First, IReadOnlyList<PreparedOutput>? Shards)> WriteStreamedSplitAsync(AtomicFileSet outputs, RowGroupSlotPool slots, TaskCursor cursor,
        string split, long count, PrepareOptions options, IProgress<PrepareProgress>? progress, TokenLengthHistogram? lengths, CancellationToken cancellationToken)
    {
        if (options.MaxRowsPerFile is not { } perFile)
        {
            var single = Path.Combine(options.OutputDirectory, split + ".parquet");
            return (await WriteSplitAsync(outputs, slots, single, SliceAsync(cursor, 0, count, count, split, options, progress, lengths), options, cancellationToken), null);
        }
        var files = Sharding.ShardNames.Count(count, perFile);
        var shards = new List<PreparedOutput>(files);
        for (var i = 0; i < files; i++)
        {
            var first = i * perFile;
            var path = Path.Combine(options.OutputDirectory, Sharding.ShardNames.FileName(split, i, files));
            var rows = SliceAsync(cursor, first, Math.Min(perFile, count - first), count, split, options, progress, lengths);
            shards.Add(await WriteSplitAsync(outputs, slots, path, rows, options, cancellationToken));
        }
        return (shards[0], shards);
    }

    /// <summary>The next <paramref name="count"/> tasks of the feed as rows of <paramref name="split"/> numbered from <paramref name="firstIndex"/>:
    /// each run of a batch goes to the writer whole, with no object per row; prompts are measured on the way when <paramref name="lengths"/> is given.</summary>
    private static Func<RowGroupPipeline, CancellationToken, Task> SliceAsync(TaskCursor cursor, long firstIndex, long count, long splitRows, string split,
        PrepareOptions options, IProgress<PrepareProgress>? progress, TokenLengthHistogram? lengths)
        => async (groups, cancellationToken) =>
        {
            long index = firstIndex;
            var end = firstIndex + count;
            await foreach (var run in cursor.TakeAsync(count, cancellationToken).ConfigureAwait(false))
            {
                await groups.AddAsync(run.Batch, run.Start, run.Count, options.Template, split, index, cancellationToken).ConfigureAwait(false);
                if (lengths is not null)
                    PromptLengths.AddTo(lengths, run.Batch.GetRange(run.Start, run.Count), options.Template, options.PromptTokenCounter!, cancellationToken);
                long after = index + run.Count;
                for (long done = (index / ProgressEvery + 1) * ProgressEvery; done <= after; done += ProgressEvery)
                    progress?.Report(new PrepareProgress(split, done, splitRows));
                index = after;
            }
            // Fewer rows means the input ended early: the job fails after writing, so there is no total to report.
            if (index == end && end == splitRows) progress?.Report(new PrepareProgress(split, splitRows, splitRows));
        };

    private static Task<PreparedOutput> WriteSplitAsync(AtomicFileSet outputs, RowGroupSlotPool slots, string finalPath,
        Func<RowGroupPipeline, CancellationToken, Task> addRows, PrepareOptions options, CancellationToken cancellationToken)
        => WriteSplitAsync(outputs, finalPath, stream => VerlParquetWriter.WriteAsync(stream, slots.Options, addRows, slots, cancellationToken), options, cancellationToken);

    /// <summary>Passes reports on one at a time: the reader and the writers report from different threads.</summary>
    private sealed class SerialProgress(IProgress<PrepareProgress> inner) : IProgress<PrepareProgress>
    {
        private readonly Lock _gate = new();

        public void Report(PrepareProgress value)
        {
            lock (_gate) inner.Report(value);
        }
    }
}
