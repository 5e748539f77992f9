using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Quality;

/// <summary>Accumulates <see cref="TaskStatistics"/> one task at a time.</summary>
/// <remarks>Per task: a counter, two comparisons per number and the duplicate sets; no dictionary, no LINQ. Memory is bounded: the duplicate tally spills to disk past two million distinct tasks.</remarks>
internal sealed class TaskStatisticsBuilder(int memoryLimit = DuplicateTally.DefaultMemoryLimit, string? spillDirectory = null) : IDisposable
{
    private const int CountedLengths = 16;
    private readonly long[] _byShortCount = new long[CountedLengths];
    private SortedDictionary<int, long>? _byLongCount;
    private readonly DuplicateTally _duplicates = new(memoryLimit, spillDirectory);
    private long _records;
    private long _minTarget = long.MaxValue, _maxTarget = long.MinValue, _minNumber = long.MaxValue, _maxNumber = long.MinValue;
    private bool _anyNumber;

    public void Add(CountdownTask task)
    {
        _records++;
        var nums = task.Nums;
        if (nums.Length < CountedLengths) _byShortCount[nums.Length]++;
        else
        {
            _byLongCount ??= [];
            _byLongCount[nums.Length] = _byLongCount.GetValueOrDefault(nums.Length) + 1;
        }
        _minTarget = Math.Min(_minTarget, task.Target);
        _maxTarget = Math.Max(_maxTarget, task.Target);
        if (nums.Length > 0)
        {
            _anyNumber = true;
            long min = _minNumber, max = _maxNumber;
            foreach (var n in nums)
            {
                min = Math.Min(min, n);
                max = Math.Max(max, n);
            }
            (_minNumber, _maxNumber) = (min, max);
        }

        _duplicates.Add(task.Target, nums);
    }

    /// <summary>Gets whether the duplicate tally has gone to disk.</summary>
    public bool HasSpilled => _duplicates.HasSpilled;

    /// <summary>Frees the duplicate tally's spill files.</summary>
    public void Dispose() => _duplicates.Dispose();

    public TaskStatistics Build(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var byCount = new SortedDictionary<int, long>(_byLongCount ?? []);
        for (var length = 0; length < CountedLengths; length++)
        {
            if (_byShortCount[length] > 0) byCount[length] = _byShortCount[length];
        }
        return new()
        {
            Records = _records,
            TasksByNumberCount = byCount,
            MinTarget = _records > 0 ? _minTarget : null,
            MaxTarget = _records > 0 ? _maxTarget : null,
            MinNumber = _anyNumber ? _minNumber : null,
            MaxNumber = _anyNumber ? _maxNumber : null,
            ExactDuplicates = _duplicates.Exact,
            ReorderedDuplicates = _duplicates.Reordered,
        };
    }
}
