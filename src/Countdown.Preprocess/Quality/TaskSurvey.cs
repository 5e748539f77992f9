using Countdown.Preprocess.Solving;
using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Quality;

/// <summary>Computes what <c>stats</c> prints in one pass over streamed tasks, solving them batch by batch when asked.</summary>
/// <remarks>
/// Holds one batch of tasks at a time and, for the duplicate counts, at most two million distinct tasks' keys in
/// memory; past that the keys go to unlinked temporary files (16 bytes a task on disk), so memory stays flat.
/// </remarks>
public static class TaskSurvey
{
    /// <summary>Tasks solved together, on all cores.</summary>
    public const int SolveBatchSize = 65_536;

    /// <summary>Reads every task once: statistics always, solvability and difficulty when <paramref name="solve"/> is set.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<(TaskStatistics Statistics, SolveStatistics? Solving)> RunAsync(
        IAsyncEnumerable<CountdownTask> tasks, bool solve, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        using var statistics = new TaskStatisticsBuilder();
        var solving = solve ? new SolveStatistics.Builder() : null;
        var batch = new List<CountdownTask>(solve ? SolveBatchSize : 0);
        var options = new SolveOptions { ComputeDifficulty = true };
        await foreach (var task in tasks.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            statistics.Add(task);
            if (solving is null) continue;
            batch.Add(task);
            if (batch.Count < SolveBatchSize) continue;
            solving.AddRange(CountdownSolver.SolveAll(batch, options, cancellationToken));
            batch.Clear();
        }
        if (solving is not null && batch.Count > 0) solving.AddRange(CountdownSolver.SolveAll(batch, options, cancellationToken));
        return (statistics.Build(cancellationToken), solving?.Build());
    }
}
