using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Quality;

/// <summary>Accumulates <see cref="TaskStatistics"/> one task at a time.</summary>
internal sealed class TaskStatisticsBuilder
{
    private readonly SortedDictionary<int, long> _byCount = [];
    private readonly HashSet<TaskKey> _exact = [];
    private readonly HashSet<TaskKey> _multisets = [];
    private long _records, _exactDuplicates, _reorderedDuplicates;
    private long? _minTarget, _maxTarget, _minNumber, _maxNumber;

    public void Add(CountdownTask task)
    {
        _records++;
        _byCount[task.Nums.Length] = _byCount.GetValueOrDefault(task.Nums.Length) + 1;
        _minTarget = Math.Min(_minTarget ?? long.MaxValue, task.Target);
        _maxTarget = Math.Max(_maxTarget ?? long.MinValue, task.Target);
        foreach (var n in task.Nums)
        {
            _minNumber = Math.Min(_minNumber ?? long.MaxValue, n);
            _maxNumber = Math.Max(_maxNumber ?? long.MinValue, n);
        }

        if (!_exact.Add(TaskKey.Exact(task))) _exactDuplicates++;
        else if (!_multisets.Add(TaskKey.Multiset(task))) _reorderedDuplicates++;
    }

    public TaskStatistics Build() => new()
    {
        Records = _records,
        TasksByNumberCount = new SortedDictionary<int, long>(_byCount),
        MinTarget = _minTarget,
        MaxTarget = _maxTarget,
        MinNumber = _minNumber,
        MaxNumber = _maxNumber,
        ExactDuplicates = _exactDuplicates,
        ReorderedDuplicates = _reorderedDuplicates,
    };
}
