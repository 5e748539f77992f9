using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Quality;

/// <summary>Accumulates <see cref="TaskStatistics"/> one task at a time.</summary>
/// <remarks>
/// The duplicate counts need only how many tasks are distinct (in order, and as multisets): a repeat of an earlier
/// task in the same order is exact, any other repeat of its multiset is reordered, so exact = records − distinct in
/// order, and exact + reordered = records − distinct multisets. The counters keep memory bounded by spilling packed
/// keys to disk past a million (<see cref="DistinctKeyCounter"/>); tasks that do not pack stay in memory.
/// </remarks>
internal sealed class TaskStatisticsBuilder(int memoryLimitKeys = DistinctKeyCounter.DefaultMemoryLimitKeys, string? spillDirectory = null) : IDisposable
{
    private readonly SortedDictionary<int, long> _byCount = [];
    private readonly DistinctKeyCounter _exact = new(memoryLimitKeys, spillDirectory);
    private readonly DistinctKeyCounter _multisets = new(memoryLimitKeys, spillDirectory);
    private readonly HashSet<TaskKey> _otherExact = [];
    private readonly HashSet<TaskKey> _otherMultisets = [];
    private long _records;
    private long? _minTarget, _maxTarget, _minNumber, _maxNumber;

    public void Add(CountdownTask task)
    {
        _records++;
        _byCount[task.Nums.Length] = _byCount.GetValueOrDefault(task.Nums.Length) + 1;
        _minTarget = Math.Min(_minTarget ?? long.MaxValue, task.Target);
        _maxTarget = Math.Max(_maxTarget ?? long.MinValue, task.Target);
        if (task.Nums.Length > 0)
        {
            _minNumber = Math.Min(_minNumber ?? long.MaxValue, task.Nums.Min());
            _maxNumber = Math.Max(_maxNumber ?? long.MinValue, task.Nums.Max());
        }

        if (PackedTaskKey.TryPack(task.Target, task.Nums, out var exact)) _exact.Add(exact);
        else _otherExact.Add(TaskKey.Exact(task));
        if (PackedTaskKey.TryPackMultiset(task.Target, task.Nums, out var multiset)) _multisets.Add(multiset);
        else _otherMultisets.Add(TaskKey.Multiset(task));
    }

    /// <summary>Gets whether the duplicate counters have gone to disk.</summary>
    public bool HasSpilled => _exact.HasSpilled || _multisets.HasSpilled;

    public TaskStatistics Build(CancellationToken cancellationToken = default)
    {
        long exactDuplicates = _records - (_exact.CountDistinct(cancellationToken) + _otherExact.Count);
        long duplicates = _records - (_multisets.CountDistinct(cancellationToken) + _otherMultisets.Count);
        return Build(exactDuplicates, duplicates - exactDuplicates);
    }

    /// <summary>Frees the counters' spill files.</summary>
    public void Dispose()
    {
        _exact.Dispose();
        _multisets.Dispose();
    }

    private TaskStatistics Build(long exactDuplicates, long reorderedDuplicates) => new()
    {
        Records = _records,
        TasksByNumberCount = new SortedDictionary<int, long>(_byCount),
        MinTarget = _minTarget,
        MaxTarget = _maxTarget,
        MinNumber = _minNumber,
        MaxNumber = _maxNumber,
        ExactDuplicates = exactDuplicates,
        ReorderedDuplicates = reorderedDuplicates,
    };
}
