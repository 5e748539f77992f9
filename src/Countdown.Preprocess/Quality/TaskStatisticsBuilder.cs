using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Quality;

/// <summary>Accumulates <see cref="TaskStatistics"/> one task at a time.</summary>
internal sealed class TaskStatisticsBuilder
{
    private readonly SortedDictionary<int, long> _byCount = [];
    private readonly TaskKeySet _exact = new(multiset: false);
    private readonly TaskKeySet _multisets = new(multiset: true);
    private long _records, _exactDuplicates, _reorderedDuplicates;
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

        if (!_exact.Add(task)) _exactDuplicates++;
        else if (!_multisets.Add(task)) _reorderedDuplicates++;
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
