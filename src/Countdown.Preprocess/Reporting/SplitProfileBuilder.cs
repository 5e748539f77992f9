using Countdown.Preprocess.Quality;
using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Reporting;

/// <summary>Accumulates a <see cref="SplitProfile"/> a batch of tasks at a time, holding counts and keys but not the tasks.</summary>
internal sealed partial class SplitProfileBuilder(string name, bool solve, int examples)
{
    private readonly SortedDictionary<int, long> _byCount = [];
    private readonly Dictionary<long, long> _targets = [];
    private readonly Dictionary<long, long> _numbers = [];
    private readonly HashSet<TaskKey> _exact = [];
    private readonly List<TaskExample> _duplicates = [];
    private long _records, _exactDuplicates, _reorderedDuplicates;

    /// <summary>The first row of each distinct task (target and multiset of numbers), for duplicates and the overlap check.</summary>
    public Dictionary<TaskKey, long> FirstRows { get; } = [];

    /// <summary>The split name.</summary>
    public string Name => name;

    /// <summary>Adds the next tasks, in row order, and solves them when asked to.</summary>
    public void AddBatch(IReadOnlyList<CountdownTask> batch, CancellationToken cancellationToken)
    {
        var firstRow = _records;
        foreach (var task in batch) Add(task);
        if (solve) SolveBatch(batch, firstRow, cancellationToken);
    }

    private void Add(CountdownTask task)
    {
        var row = _records++;
        _byCount[task.Nums.Length] = _byCount.GetValueOrDefault(task.Nums.Length) + 1;
        _targets[task.Target] = _targets.GetValueOrDefault(task.Target) + 1;
        foreach (var n in task.Nums) _numbers[n] = _numbers.GetValueOrDefault(n) + 1;

        // The same rule as TaskStatisticsBuilder: an exact repeat first, else a reordered one.
        var isExact = !_exact.Add(TaskKey.Exact(task));
        var multiset = TaskKey.Multiset(task);
        CheckOverlap(task, multiset, row);
        if (FirstRows.TryGetValue(multiset, out var first))
        {
            if (isExact) _exactDuplicates++;
            else _reorderedDuplicates++;
            if (_duplicates.Count < examples)
                _duplicates.Add(new TaskExample(row, task, $"repeats row {first}{(isExact ? "" : " in another order")}"));
        }
        else
        {
            FirstRows.Add(multiset, row);
        }
    }

    /// <summary>The profile of the tasks added so far.</summary>
    public SplitProfile Build() => new(
        name,
        new TaskStatistics
        {
            Records = _records,
            TasksByNumberCount = new SortedDictionary<int, long>(_byCount),
            MinTarget = _targets.Count == 0 ? null : _targets.Keys.Min(),
            MaxTarget = _targets.Count == 0 ? null : _targets.Keys.Max(),
            MinNumber = _numbers.Count == 0 ? null : _numbers.Keys.Min(),
            MaxNumber = _numbers.Count == 0 ? null : _numbers.Keys.Max(),
            ExactDuplicates = _exactDuplicates,
            ReorderedDuplicates = _reorderedDuplicates,
        },
        new SortedDictionary<long, long>(_targets),
        new SortedDictionary<long, long>(_numbers),
        solve ? SolvingSoFar() : null,
        _skipped,
        _unsolvable.ToArray(),
        _hardest.Select(h => h.Example).ToArray(),
        _duplicates.ToArray());
}
