using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Countdown.Preprocess.Output;
using Countdown.Preprocess.Parquet;
using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Preparing;

public static partial class PrepareJob
{
    /// <summary>Whether the splits can be written while the input is still read: no option needs all the tasks first.</summary>
    private static bool CanStream(PrepareOptions options)
        => !options.Dedupe && !options.SolvableOnly && options.ShuffleSeed is null && !options.AddSolution;

    /// <summary>The job without filters: the splits are written as the tasks arrive, and the outputs are committed only once the whole input has been read and counted.</summary>
    /// <remarks>Fails exactly as the read-everything-first path does (a reader error first, then too few tasks), and nothing is committed on failure.</remarks>
    private static async Task<PrepareResult> RunStreamingAsync(PrepareOptions options, IProgress<PrepareProgress>? progress, Stopwatch clock, CancellationToken cancellationToken)
    {
        var needed = options.TrainSize + options.TestSize + 1;
        var feed = new TaskFeed(keep: needed - 1);
        var cursor = new TaskCursor(feed);
        using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = Task.Run(() => ReadIntoAsync(feed, options, progress, stopReading.Token));

        await using var outputs = new AtomicFileSet();
        PreparedOutput trainFile, testFile;
        try
        {
            var train = SliceAsync(cursor, options.TrainSize, "train", options, progress);
            trainFile = await WriteSplitAsync(outputs, Path.Combine(options.OutputDirectory, TrainFileName), train, options, cancellationToken);
            var test = SliceAsync(cursor, options.TestSize, "test", options, progress);
            testFile = await WriteSplitAsync(outputs, Path.Combine(options.OutputDirectory, TestFileName), test, options, cancellationToken);
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

        var extras = await FinishAsync(outputs, options, cancellationToken);

        return new PrepareResult(inputs, count, 0, 0, count, trainFile, testFile, clock.Elapsed, extras);
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

    /// <summary>The next <paramref name="count"/> tasks of the feed as rows of <paramref name="split"/>: each run of a batch goes to the writer whole, with no object per row.</summary>
    private static Func<RowGroupPipeline, CancellationToken, Task> SliceAsync(TaskCursor cursor, long count, string split, PrepareOptions options, IProgress<PrepareProgress>? progress)
        => async (groups, cancellationToken) =>
        {
            long index = 0;
            await foreach (var run in cursor.TakeAsync(count, cancellationToken).ConfigureAwait(false))
            {
                await groups.AddAsync(run.Batch, run.Start, run.Count, options.Template, split, index, cancellationToken).ConfigureAwait(false);
                long after = index + run.Count;
                for (long done = (index / ProgressEvery + 1) * ProgressEvery; done <= after; done += ProgressEvery)
                    progress?.Report(new PrepareProgress(split, done, count));
                index = after;
            }
            // Fewer rows means the input ended early: the job fails after writing, so there is no total to report.
            if (index == count) progress?.Report(new PrepareProgress(split, count, count));
        };

    private static Task<PreparedOutput> WriteSplitAsync(
        AtomicFileSet outputs, string finalPath, Func<RowGroupPipeline, CancellationToken, Task> addRows, PrepareOptions options, CancellationToken cancellationToken)
        => WriteSplitAsync(outputs, finalPath, options, (stream, parquet) => VerlParquetWriter.WriteAsync(stream, parquet, addRows, cancellationToken), cancellationToken);

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
