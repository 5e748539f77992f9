using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Quality;

/// <summary>What a set of raw tasks holds: sizes, ranges and duplicates (what <c>stats</c> prints).</summary>
public sealed record TaskStatistics
{
    /// <summary>How many records there are.</summary>
    public required long Records { get; init; }

    /// <summary>How many tasks have each count of numbers, by count ascending.</summary>
    public required IReadOnlyDictionary<int, long> TasksByNumberCount { get; init; }

    /// <summary>The smallest target, or null when there are no records.</summary>
    public required long? MinTarget { get; init; }

    /// <summary>The largest target, or null when there are no records.</summary>
    public required long? MaxTarget { get; init; }

    /// <summary>The smallest number in any task, or null when no task has numbers.</summary>
    public required long? MinNumber { get; init; }

    /// <summary>The largest number in any task, or null when no task has numbers.</summary>
    public required long? MaxNumber { get; init; }

    /// <summary>Records equal to an earlier one: same target, same numbers in the same order.</summary>
    public required long ExactDuplicates { get; init; }

    /// <summary>Records with an earlier one's target and multiset of numbers but in another order (and no exact earlier copy).</summary>
    public required long ReorderedDuplicates { get; init; }

    /// <summary>What <c>--dedupe</c> drops: exact and reordered duplicates together.</summary>
    public long Duplicates => ExactDuplicates + ReorderedDuplicates;

    /// <summary>Computes the statistics of <paramref name="tasks"/>.</summary>
    public static TaskStatistics Compute(IEnumerable<CountdownTask> tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        using var builder = new TaskStatisticsBuilder();
        foreach (var task in tasks) builder.Add(task);
        return builder.Build();
    }

    /// <summary>Computes the statistics of <paramref name="tasks"/> as they stream in.</summary>
    public static async Task<TaskStatistics> ComputeAsync(IAsyncEnumerable<CountdownTask> tasks, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        using var builder = new TaskStatisticsBuilder();
        await foreach (var task in tasks.WithCancellation(cancellationToken)) builder.Add(task);
        return builder.Build(cancellationToken);
    }
}
