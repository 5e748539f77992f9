using Countdown.Preprocess.Quality;
using Countdown.Preprocess.Rows;
using Countdown.Preprocess.Solving;
using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Preparing;

public static partial class PrepareJob
{
    /// <summary>Tasks solved at once by <c>--solvable-only</c> and <c>--add-solution</c>: enough to keep every core busy, few enough to stay small.</summary>
    private const int SolveBatchSize = 65_536;

    /// <summary>Rows unpacked, solved and rendered at once when writing.</summary>
    private const int RowBatchSize = 8_192;

    /// <summary>Reads every task into a packed store, dropping duplicates as they arrive with <c>--dedupe</c>.</summary>
    /// <remarks>A method of its own so that the duplicate set (23–46 bytes a task) is garbage once reading ends.</remarks>
    private static async Task<(List<PreparedInput> Inputs, PackedTasks Tasks, long Records, long DuplicatesRemoved)> ReadPackedAsync(
        PrepareOptions options, IProgress<PrepareProgress>? progress, CancellationToken cancellationToken)
    {
        var tasks = new PackedTasks();
        var seen = options.Dedupe ? new TaskDeduplicator() : null;
        long records = 0;
        var inputs = await ReadAllAsync(options, (batch, _) =>
        {
            records += batch.Count;
            foreach (var task in batch)
            {
                if (seen is null || seen.TryAdd(task)) tasks.Add(task);
            }
            return ValueTask.CompletedTask;
        }, progress, cancellationToken);
        var dropped = seen?.Dropped ?? 0;
        // The key set is dead from here on, but the closure that captured it may outlive this method (the finished
        // reader's state machine still refers to it): clearing the captured variable lets the GC take the set now.
        seen = null;
        return (inputs, tasks, records, dropped);
    }

    /// <summary>Solvable-only, then shuffle, on the packed tasks (dedupe already ran as they were read): the documented order, all before the split.</summary>
    private static Filtered ApplyFilters(PrepareOptions options, PackedTasks tasks, long duplicatesRemoved, CancellationToken cancellationToken)
    {
        long unsolvableRemoved = 0;
        if (options.SolvableOnly)
        {
            EnsureSolverSized(tasks);
            unsolvableRemoved = tasks.RetainWhere(SolveBatchSize, (batch, keep) =>
            {
                var results = CountdownSolver.SolveAll(batch, cancellationToken);
                for (var i = 0; i < results.Length; i++) keep[i] = results[i].IsSolvable(SolveRule.Reward);
            }, cancellationToken);
        }
        if (options.ShuffleSeed is { } seed)
            SeededShuffle.Shuffle(tasks, seed);
        return new Filtered(duplicatesRemoved, unsolvableRemoved);
    }

    private sealed record Filtered(long DuplicatesRemoved, long UnsolvableRemoved);

    /// <summary>Fails before any solving on the first task the solver cannot take, with the solver's message for the whole list (solving runs batch by batch).</summary>
    private static void EnsureSolverSized(PackedTasks tasks)
    {
        if (tasks.UnpackedCount == 0) return; // packed tasks hold at most six numbers
        for (var i = 0; i < tasks.Count; i++)
        {
            var count = tasks.NumberCount(i);
            if (count > CountdownSolver.MaxNumbers)
                throw new UsageException(
                    $"Task {i + 1} holds '{count}' numbers but the solver handles at most {CountdownSolver.MaxNumbers}; drop larger tasks before solving.");
        }
    }

    /// <summary>The rows of one split, unpacked (and with <c>--add-solution</c> solved) a batch at a time.</summary>
    private static IEnumerable<PreparedRow> Slice(PackedTasks tasks, int start, int count, string split, PrepareOptions options, IProgress<PrepareProgress>? progress, CancellationToken cancellationToken)
    {
        for (var first = 0; first < count; first += RowBatchSize)
        {
            var batch = tasks.Range(start + first, Math.Min(RowBatchSize, count - first));
            var solutions = options.AddSolution ? CountdownSolver.SolveAll(batch, cancellationToken) : null;
            for (var offset = 0; offset < batch.Count; offset++)
            {
                var index = first + offset;
                // Ctrl-C must be seen within the CLI's termination grace period, whatever the row group size.
                if ((index & 1023) == 0) cancellationToken.ThrowIfCancellationRequested();
                var task = batch[offset];
                yield return new PreparedRow(task, options.Template.Render(task), split, index, solutions?[offset].Solution);
                if ((index + 1) % ProgressEvery == 0) progress?.Report(new PrepareProgress(split, index + 1, count));
            }
        }
        progress?.Report(new PrepareProgress(split, count, count));
    }
}
